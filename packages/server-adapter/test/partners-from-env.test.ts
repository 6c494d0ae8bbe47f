import { ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { partnerEnvName, partnersFromEnv } from '../src/index.js';

describe('partnersFromEnv', () => {
  it('connects nothing when no partner credentials are set', () => {
    expect(partnersFromEnv({})).toEqual({ integrations: {}, connected: [] });
  });

  it('connects each partner whose credentials are set, in production, under its connector id', () => {
    const { integrations, connected } = partnersFromEnv({
      [partnerEnvName('dhl-express', 'CREDENTIALS')]: JSON.stringify({
        apiKey: 'live-key',
        apiSecret: 'live-secret-value',
      }),
      [partnerEnvName('dhl-express', 'CONFIG')]: JSON.stringify({ accountNumber: '123456789' }),
      TOLLGATE_FX_ECB_CREDENTIALS: '{}',
    });
    expect(connected).toEqual(['dhl-express', 'fx-ecb']);
    expect(Object.keys(integrations.logistics ?? {})).toEqual(['dhl-express']);
    expect(Object.keys(integrations.fx ?? {})).toEqual(['fx-ecb']);
    expect(integrations.bank).toBeUndefined();
  });

  it('names the variable of a bad value and never echoes it', () => {
    const secret = 'not-json-but-a-secret-0123';
    const unreadable = (() => {
      try {
        partnersFromEnv({ TOLLGATE_BANK_SWIFT_CREDENTIALS: secret });
      } catch (error) {
        return error;
      }
    })();
    expect(unreadable).toBeInstanceOf(ValidationError);
    expect((unreadable as Error).message).toContain('TOLLGATE_BANK_SWIFT_CREDENTIALS');
    expect(JSON.stringify(unreadable)).not.toContain(secret);

    const misfit = (() => {
      try {
        partnersFromEnv({
          TOLLGATE_DHL_EXPRESS_CREDENTIALS: JSON.stringify({
            apiKey: 'k',
            apiSecret: 's3cr3t-value',
          }),
          TOLLGATE_DHL_EXPRESS_CONFIG: JSON.stringify({ accountNumber: 'abc' }),
        });
      } catch (error) {
        return error;
      }
    })();
    expect(misfit).toBeInstanceOf(ValidationError);
    expect((misfit as Error).message).toContain('TOLLGATE_DHL_EXPRESS_CONFIG');
    expect(
      JSON.stringify({
        message: (misfit as Error).message,
        issues: (misfit as ValidationError).issues,
      }),
    ).not.toContain('s3cr3t');
  });
});
