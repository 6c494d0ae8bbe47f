import { describe, expect, it } from 'vitest';
import { createMemoryApiKeyStore, hashApiKey } from '../src/index.js';

describe('API keys', () => {
  it('issues tg_<prefix>_<secret> keys and verifies them by hash', () => {
    const keys = createMemoryApiKeyStore();
    const issued = keys.issue({ tenantId: 'acme', role: 'sme' });
    expect(issued.key).toMatch(/^tg_[a-z0-9]{8}_[A-Za-z0-9_-]{20,}$/);
    expect(issued.key.startsWith(`tg_${issued.prefix}_`)).toBe(true);
    expect(keys.verify(issued.key)).toEqual({
      tenantId: 'acme',
      role: 'sme',
      prefix: issued.prefix,
    });
    expect(hashApiKey(issued.key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a wrong secret, an unknown prefix and a malformed key', () => {
    const keys = createMemoryApiKeyStore();
    const { key, prefix } = keys.issue({ tenantId: 'acme', role: 'bank' });
    expect(keys.verify(`tg_${prefix}_${'A'.repeat(32)}`)).toBeUndefined();
    expect(keys.verify(`tg_zzzzzzzz_${key.slice(12)}`)).toBeUndefined();
    expect(keys.verify('Bearer nonsense')).toBeUndefined();
    expect(keys.verify('')).toBeUndefined();
  });

  it('registers an existing key and refuses one of the wrong shape', () => {
    const keys = createMemoryApiKeyStore();
    const key = 'tg_abcd1234_0123456789abcdefghijKLMN';
    expect(keys.add(key, { tenantId: 't1', role: 'admin' })).toEqual({
      tenantId: 't1',
      role: 'admin',
      prefix: 'abcd1234',
    });
    expect(keys.verify(key)?.tenantId).toBe('t1');
    expect(() => keys.add('sk_live_123', { tenantId: 't1', role: 'admin' })).toThrow(TypeError);
  });
});
