import { createHmac, createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebhookVerificationError } from '../src/errors/index.js';
import { Webhook } from '../src/webhooks/index.js';

interface VectorCase {
  name: string;
  expect: string;
  deleteHeader?: string;
  setHeader?: Record<string, string>;
  truncateSignatureTo?: number;
  timestampOffsetMs?: number;
  signatureList?: string[];
}

interface SignVector {
  name: string;
  secret?: string;
  secretKey?: string;
  msgId: string;
  timestamp: number;
  payload: string;
  expected: string;
}

const vectors = JSON.parse(
  readFileSync(
    new URL('./fixtures/webhooks/standard-webhooks-vectors.json', import.meta.url),
    'utf8',
  ),
) as {
  symmetric: {
    msgId: string;
    payload: string;
    parsed: unknown;
    secret: string;
    toleranceInSeconds: number;
    emptySecrets: Array<string | null>;
    cases: VectorCase[];
    prefixes: string[];
    signVectors: SignVector[];
  };
  asymmetric: {
    msgId: string;
    payload: string;
    secretKey: string;
    cases: VectorCase[];
    signVectors: SignVector[];
  };
};
const { symmetric, asymmetric } = vectors;

/** Headers as the reference tests build them: signed independently of the code under test. */
function referenceHeaders(timestampMs: number): Record<string, string> {
  const seconds = Math.floor(timestampMs / 1000);
  const signature = createHmac('sha256', Buffer.from(symmetric.secret, 'base64'))
    .update(`${symmetric.msgId}.${seconds}.${symmetric.payload}`)
    .digest('base64');
  return {
    'webhook-id': symmetric.msgId,
    'webhook-signature': `v1,${signature}`,
    'webhook-timestamp': String(seconds),
  };
}

function applyCase(testCase: VectorCase, headers: Record<string, string>): Record<string, string> {
  const result = { ...headers };
  if (testCase.deleteHeader) delete result[testCase.deleteHeader];
  Object.assign(result, testCase.setHeader ?? {});
  if (testCase.truncateSignatureTo !== undefined) {
    result['webhook-signature'] = (result['webhook-signature'] as string).slice(
      0,
      testCase.truncateSignatureTo,
    );
  }
  if (testCase.signatureList) {
    const valid = headers['webhook-signature'] as string;
    result['webhook-signature'] = testCase.signatureList
      .map((sig) => (sig === '(valid)' ? valid : sig))
      .join(' ');
  }
  return result;
}

function outcome(run: () => unknown): { result?: unknown; code?: string } {
  try {
    return { result: run() };
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return { code: (error as WebhookVerificationError).code };
  }
}

describe('Standard Webhooks reference vectors (symmetric, v1)', () => {
  for (const testCase of symmetric.cases) {
    for (const prefix of symmetric.prefixes) {
      it(`${testCase.name}${prefix ? ' (whsec_ prefix)' : ' (bare base64 secret)'}`, () => {
        const now = Date.now();
        const headers = applyCase(
          testCase,
          referenceHeaders(now + (testCase.timestampOffsetMs ?? 0)),
        );
        const webhook = new Webhook(`${prefix}${symmetric.secret}`, { clock: () => now });
        const { result, code } = outcome(() => webhook.verify(symmetric.payload, headers));
        if (testCase.expect === 'valid') {
          expect(code).toBeUndefined();
          expect(result).toEqual(symmetric.parsed);
        } else {
          expect(code).toBe(testCase.expect);
        }
      });
    }
  }

  it('empty key raises error', () => {
    for (const secret of symmetric.emptySecrets) {
      const value = secret === '(undefined)' ? undefined : secret;
      expect(() => new Webhook(value as unknown as string)).toThrow(WebhookVerificationError);
      expect(outcome(() => new Webhook(value as unknown as string)).code).toBe('invalid_secret');
    }
  });

  for (const vector of symmetric.signVectors) {
    it(vector.name, () => {
      const webhook = new Webhook(vector.secret as string);
      expect(webhook.sign(vector.msgId, new Date(vector.timestamp * 1000), vector.payload)).toBe(
        vector.expected,
      );
    });
  }

  it('verifies the sign vector at its own time, and not five minutes and one second later', () => {
    const [vector] = symmetric.signVectors as [SignVector];
    const headers = {
      'webhook-id': vector.msgId,
      'webhook-timestamp': String(vector.timestamp),
      'webhook-signature': vector.expected,
    };
    const at = new Webhook(vector.secret as string, { clock: () => vector.timestamp * 1000 });
    expect(at.verify(vector.payload, headers)).toEqual({ test: 2432232314 });
    const later = new Webhook(vector.secret as string, {
      clock: () => (vector.timestamp + 301) * 1000,
    });
    expect(outcome(() => later.verify(vector.payload, headers)).code).toBe('timestamp_too_old');
  });
});

describe('Standard Webhooks reference vectors (asymmetric, v1a / ed25519)', () => {
  const secretKey = `whsk_${asymmetric.secretKey}`;

  for (const vector of asymmetric.signVectors) {
    it(vector.name, () => {
      const webhook = new Webhook(`whsk_${vector.secretKey}`);
      expect(webhook.sign(vector.msgId, new Date(vector.timestamp * 1000), vector.payload)).toBe(
        vector.expected,
      );
    });
  }

  for (const testCase of asymmetric.cases) {
    it(testCase.name, () => {
      const now = Date.now();
      const signer = new Webhook(secretKey);
      const timestamp = new Date(now + (testCase.timestampOffsetMs ?? 0));
      const signed = {
        'webhook-id': asymmetric.msgId,
        'webhook-signature': signer.sign(asymmetric.msgId, timestamp, asymmetric.payload),
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      };
      const headers = applyCase(testCase, signed);
      const { code } = outcome(() =>
        new Webhook(secretKey, { clock: () => now }).verify(asymmetric.payload, headers),
      );
      expect(code).toBe(testCase.expect === 'valid' ? undefined : testCase.expect);
    });
  }

  it('a v1a signature verifies with the whpk_ public key alone, which cannot sign', () => {
    const [vector] = asymmetric.signVectors as [SignVector];
    const { publicKey } = publicKeyOf(`whsk_${vector.secretKey}`);
    const verifier = new Webhook(publicKey, { clock: () => vector.timestamp * 1000 });
    const headers = {
      'webhook-id': vector.msgId,
      'webhook-timestamp': String(vector.timestamp),
      'webhook-signature': vector.expected,
    };
    expect(verifier.verify(vector.payload, headers)).toEqual({ test: 2432232314 });
    expect(outcome(() => verifier.sign(vector.msgId, new Date(), vector.payload)).code).toBe(
      'invalid_secret',
    );
  });
});

/** The whpk_ key of a whsk_ key, derived with node:crypto independently of the code under test. */
function publicKeyOf(secretKey: string): { publicKey: string } {
  const seed = Buffer.from(secretKey.slice('whsk_'.length), 'base64');
  // RFC 8410 PKCS#8 header for an ed25519 seed.
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { publicKey: `whpk_${Buffer.from(jwk.x as string, 'base64url').toString('base64')}` };
}
