import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Notifier } from '../src/index.js';
import { sendJson, startTestServer, type TestServer } from './fixtures.js';

const sent: Alert[] = [];
const recording: Notifier = {
  name: 'recording',
  async notify(alert) {
    sent.push(alert);
  },
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ alerts: { notifiers: [recording] } });
});
afterAll(async () => {
  await server?.close();
});

describe('createTollgate({ alerts })', () => {
  it('alerts once when a probed integration goes down (the third failed probe in a row), not again while it stays down', async () => {
    const probe = () =>
      sendJson(`${server.url}/monitoring/health/broken-dhl`, 'GET', server.keys.acme);
    const downAlerts = () => sent.filter((alert) => alert.rule === 'integration_down');
    await probe();
    await probe();
    await server.tollgate.alerts?.flush();
    expect(downAlerts()).toEqual([]); // degraded: not yet down
    await probe();
    await probe();
    await server.tollgate.alerts?.flush();
    expect(downAlerts()).toEqual([
      expect.objectContaining({
        status: 'firing',
        severity: 'critical',
        id: expect.stringContaining('broken-dhl'),
      }),
    ]);
  });
});
