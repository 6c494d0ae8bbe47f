import type { LookupAddress } from 'node:dns';
import { type AddressInfo, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createDeliveryWorker,
  DESTINATION_REFUSED_CODE,
  destinationProblem,
  isPublicAddress,
  publicAddressLookup,
  type ResolveAll,
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
      // IPv6 forms that carry an IPv4 address a gateway on the way may reach.
      '64:ff9b::a00:1',
      '64:ff9b:1::a00:1',
      '2002:a00:1::',
      '::a00:1',
      '2001:0:4136:e378::1',
      'fec0::1',
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

  it('resolves at connect time and refuses any private answer (the lookup undici connects with)', async () => {
    const resolver =
      (answers: Record<string, string[]>): ResolveAll =>
      (hostname, callback) => {
        const addresses = answers[hostname];
        if (addresses === undefined) {
          callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), []);
          return;
        }
        callback(
          null,
          addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
        );
      };
    const lookup = publicAddressLookup(
      false,
      resolver({
        'public.test': ['93.184.216.34', '2606:4700::1111'],
        'mixed.test': ['93.184.216.34', '10.0.0.7'],
        'metadata.test': ['169.254.169.254'],
      }),
    );
    const ask = (hostname: string, options: { all?: boolean; family?: number }) =>
      new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((resolve) =>
        lookup(hostname, options as never, (error, address, family) =>
          resolve({ error, result: options.all ? address : { address, family } }),
        ),
      );
    expect(await ask('public.test', {})).toEqual({
      error: null,
      result: { address: '93.184.216.34', family: 4 },
    });
    expect((await ask('public.test', { all: true })).result as LookupAddress[]).toHaveLength(2);
    expect(await ask('public.test', { family: 6 })).toMatchObject({
      result: { address: '2606:4700::1111', family: 6 },
    });
    for (const host of ['mixed.test', 'metadata.test']) {
      expect((await ask(host, {})).error?.code, host).toBe(DESTINATION_REFUSED_CODE);
    }
    expect((await ask('nowhere.test', {})).error?.code).toBe('ENOTFOUND');
  });

  it.skipIf(SQL_DATABASES[0]?.skip ?? true)(
    'connects only to the address it checked: a DNS answer that turns private after the check reaches nothing',
    async () => {
      const database = await SQL_DATABASES[0]?.open();
      if (database === undefined || database.store.sql === undefined) throw new Error('SQLite');
      // A bare TCP listener on loopback: it counts connections, whatever they carry.
      let connections = 0;
      const listener = createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      const { port } = listener.address() as AddressInfo;
      try {
        const store = sqlWebhookStore(database.store.sql);
        // A name the system cannot resolve: only the worker's resolver knows it.
        const endpoint = await store.createEndpoint({
          tenantId: 'acme',
          url: `https://hooks.tollgate-test.invalid:${port}/hooks`,
          events: ['*'],
        });
        await store.publish({ tenantId: 'acme', type: 'session.validated', data: {} });
        // First answer public (the check before the attempt), then loopback (the connection).
        let answers = 0;
        const rebinding: ResolveAll = (_hostname, callback) => {
          answers += 1;
          callback(null, [{ address: answers === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }]);
        };
        const worker = createDeliveryWorker({ surface: database.store.sql, resolveAll: rebinding });
        expect(await worker.runOnce()).toBe(1);
        await worker.stop();
        expect(answers).toBe(2);
        expect(connections).toBe(0);
        const [refused] = (await store.listDeliveries('acme', endpoint.id)) ?? [];
        expect(refused).toMatchObject({
          status: 'failed',
          lastError: 'destination not allowed (not a public address)',
        });

        // Loopback allowed: the worker connects where its resolver said (and nowhere else can
        // this name lead), so the listener sees the connection.
        const local: ResolveAll = (_hostname, callback) =>
          callback(null, [{ address: '127.0.0.1', family: 4 }]);
        const allowed = createDeliveryWorker({
          surface: database.store.sql,
          resolveAll: local,
          allowLoopback: true,
          clock: () => new Date(Date.now() + 3 * 60_000),
        });
        expect(await allowed.runOnce()).toBe(1);
        await allowed.stop();
        expect(connections).toBe(1);
      } finally {
        await new Promise((resolve) => listener.close(resolve));
        await database.dispose();
      }
    },
  );
});
