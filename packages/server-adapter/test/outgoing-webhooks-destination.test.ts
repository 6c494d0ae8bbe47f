import { describe, expect, it } from 'vitest';
import {
  createDeliveryWorker,
  destinationProblem,
  isPublicAddress,
  sqlWebhookStore,
  webhookUrlProblem,
} from '../src/index.js';
import { startReceiver } from './outgoing-webhooks-helpers.js';
import { SQL_DATABASES } from './stores.js';

describe('where outgoing webhooks may go', () => {
  it('tells public addresses from private, loopback, link-local and mapped ones', () => {
    for (const address of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '[::1]',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress('127.0.0.1', true)).toBe(true);
  });

  it('refuses subscriptions to private addresses and localhost', () => {
    for (const url of [
      'https://10.0.0.5/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hooks',
      'https://localhost/hooks',
      'https://[::ffff:192.168.0.1]/hooks',
    ]) {
      expect(webhookUrlProblem(url, false), url).toBeDefined();
    }
    expect(webhookUrlProblem('https://hooks.example.com/in', false)).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:9000/hooks', true)).toBeUndefined();
  });

  it('refuses a host whose name resolves to a private address, before every attempt', async () => {
    const resolveTo = (addresses: string[]) => async () => addresses;
    expect(
      await destinationProblem('https://hooks.example.com/in', false, resolveTo(['93.184.216.34'])),
    ).toBeUndefined();
    expect(
      await destinationProblem(
        'https://rebind.example.com/in',
        false,
        resolveTo(['93.184.216.34', '10.0.0.7']),
      ),
    ).toMatch(/not allowed/);
    expect(
      await destinationProblem('https://nowhere.example.com/in', false, async () => {
        throw new Error('ENOTFOUND');
      }),
    ).toMatch(/does not resolve/);
  });

  it.skipIf(SQL_DATABASES[0]?.skip ?? true)(
    'fails a delivery to a loopback receiver unless loopback is allowed, sending nothing',
    async () => {
      const database = await SQL_DATABASES[0]?.open();
      if (database === undefined || database.store.sql === undefined) throw new Error('SQLite');
      const receiver = await startReceiver();
      try {
        const store = sqlWebhookStore(database.store.sql, { allowInsecureLocalhost: true });
        const endpoint = await store.createEndpoint({
          tenantId: 'acme',
          url: receiver.url,
          events: ['*'],
        });
        await store.publish({ tenantId: 'acme', type: 'session.validated', data: {} });
        const guarded = createDeliveryWorker({ surface: database.store.sql });
        expect(await guarded.runOnce()).toBe(1);
        expect(receiver.requests).toHaveLength(0);
        const [delivery] = (await store.listDeliveries('acme', endpoint.id)) ?? [];
        expect(delivery).toMatchObject({
          status: 'failed',
          lastError: expect.stringMatching(/not allowed/),
        });
      } finally {
        await receiver.close();
        await database.dispose();
      }
    },
  );
});
