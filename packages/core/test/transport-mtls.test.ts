import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, createTransport, mtls } from '../src/index.js';
import { type CertAndKey, createTestCa, type TestCa } from './fixtures/auth-certs.js';

/** The bank gateway: a real node:https server that demands a client certificate from its CA. */
let ca: TestCa;
let clientCert: CertAndKey;
let server: Server;
let origin: string;
let serverFingerprint: string;

beforeAll(async () => {
  ca = await createTestCa('Test Bank Gateway CA');
  const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
  clientCert = await ca.issue({ commonName: 'exporter-platform', usage: 'client' });
  serverFingerprint = new X509Certificate(serverCert.cert).fingerprint256;
  server = createServer(
    {
      cert: serverCert.cert,
      key: serverCert.key,
      ca: ca.cert,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ reference: 'GW-1', client: peer.subject?.CN }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the transport over mTLS (real HTTPS server, certificates made in the test)', () => {
  it('with the right client certificate the call succeeds', async () => {
    const auth = mtls({ cert: clientCert.cert, key: clientCert.key, ca: ca.cert });
    const transport = createTransport({ baseUrl: origin, auth, connectorId: 'bank-swift' });
    try {
      const { data } = await transport.json({
        method: 'POST',
        path: '/mt700',
        json: { lc: 'LC1' },
      });
      expect(data).toEqual({ reference: 'GW-1', client: 'exporter-platform' });
    } finally {
      await auth.close?.();
    }
  });

  it('without a client certificate the call fails with AuthError, not retried as a network error', async () => {
    const auth = mtls({ ca: ca.cert });
    const transport = createTransport({ baseUrl: origin, auth, connectorId: 'bank-swift' });
    try {
      const error = await transport.request({ path: '/status' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).retryable).toBe(false);
    } finally {
      await auth.close?.();
    }
  });

  it('a wrong pinned server fingerprint fails with AuthError; the right one passes', async () => {
    const wrong = mtls({
      cert: clientCert.cert,
      key: clientCert.key,
      ca: ca.cert,
      pinnedFingerprint256: `${'AA:'.repeat(31)}AA`,
    });
    const right = mtls({
      cert: clientCert.cert,
      key: clientCert.key,
      ca: ca.cert,
      pinnedFingerprint256: serverFingerprint,
    });
    try {
      await expect(
        createTransport({ baseUrl: origin, auth: wrong }).request({ path: '/status' }),
      ).rejects.toBeInstanceOf(AuthError);
      const ok = await createTransport({ baseUrl: origin, auth: right }).request({
        path: '/status',
      });
      expect(ok.status).toBe(200);
    } finally {
      await wrong.close?.();
      await right.close?.();
    }
  });
});
