import { memoryStore } from '@tollgate/billing';
import { ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createTollgateApp, loadServerConfig } from '../src/index.js';

describe('GET /metrics with a token', () => {
  const token = 'scrape-token-0123456789abcdef';
  const app = createTollgateApp({ store: memoryStore(), metricsToken: token });

  it('serves the exposition to the scraper that sends the token', async () => {
    const ok = await app.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# TYPE http_requests_total counter');
  });

  it('refuses anyone else with a 401 problem that does not echo what was sent', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
    ];
    for (const headers of attempts) {
      const refused = await app.request('/metrics', { headers });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(await refused.text()).not.toContain('wrong-token');
    }
  });

  it('reads TOLLGATE_METRICS_TOKEN from the environment, and refuses a short one', () => {
    expect(loadServerConfig({ TOLLGATE_METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(loadServerConfig({}).metricsToken).toBeUndefined();
    expect(() => loadServerConfig({ TOLLGATE_METRICS_TOKEN: 'short' })).toThrow(ValidationError);
  });
});
