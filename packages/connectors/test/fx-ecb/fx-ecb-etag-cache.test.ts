import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ECB_FILES } from '../../src/fx-ecb/index.js';
import { ECB_DAILY_2024_02_27 } from '../../src/fx-ecb/sandbox.js';
import { connectEcb } from './ecb-sandbox-client.js';

const DAILY = `https://sandbox.ecb-eurofxref.test${ECB_FILES.daily}`;

describe('the ECB sandbox speaks HTTP like the ECB web server', () => {
  it('serves text/xml with ETag and Last-Modified, and 304 for a matching If-None-Match', async () => {
    const { client } = connectEcb();
    const first = await client.transport.request({ path: ECB_FILES.daily });
    expect(first.headers.get('content-type')).toBe('text/xml');
    expect(first.headers.get('last-modified')).toBe('Tue, 27 Feb 2024 15:00:00 GMT');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const notModified = await client.transport.request({
      path: ECB_FILES.daily,
      headers: { 'if-none-match': etag },
    });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    const notModifiedSince = await client.transport.request({
      path: ECB_FILES.daily,
      headers: { 'if-modified-since': 'Wed, 28 Feb 2024 00:00:00 GMT' },
    });
    expect(notModifiedSince.status).toBe(304);
    const stale = await client.transport.request({
      path: ECB_FILES.daily,
      headers: { 'if-none-match': '"something-else"' },
    });
    expect(stale.status).toBe(200);
  });
});

describe("fx-ecb with cache: 'etag'", () => {
  /** Records the If-None-Match of every GET of the daily file, then lets the sandbox answer. */
  const recordConditionalHeaders = () => {
    const seen: Array<string | null> = [];
    const handler = http.get(DAILY, ({ request }) => {
      seen.push(request.headers.get('if-none-match'));
      return undefined;
    });
    return { seen, handler };
  };

  it('revalidates with If-None-Match and reuses the parsed file on 304', async () => {
    const { client, sandbox } = connectEcb({ config: { cache: 'etag' } });
    const spy = recordConditionalHeaders();
    sandbox.use(spy.handler);
    const failures: Array<number | undefined> = [];
    client.events.on('request.failure', (event) => failures.push(event.status));

    const first = await client.operations.rates({ base: 'EUR', symbols: ['USD'] });
    const second = await client.operations.convert({
      amount: { amount: '10000', currency: 'EUR' },
      to: 'USD',
    });
    expect(first.rates.USD).toBe('1.0856');
    expect(second).toMatchObject({ rate: '1.0856', rateDate: '2024-02-27' });
    expect(second.to.amount).toBe(10_856n);
    expect(spy.seen).toEqual([null, expect.stringMatching(/^"[0-9a-f]+-[0-9a-f]+"$/)]);
    // The 304 is the cache working, not a failed request.
    expect(failures).toEqual([]);
  });

  it('fetches again when the file changed (a new ETag)', async () => {
    const { client, sandbox } = connectEcb({ config: { cache: 'etag' } });
    await client.operations.rates({ base: 'EUR' });
    sandbox.use(
      http.get(
        DAILY,
        () =>
          new HttpResponse(
            ECB_DAILY_2024_02_27.replace("time='2024-02-27'", "time='2024-02-28'").replace(
              "rate='1.0856'",
              "rate='1.0834'",
            ),
            { headers: { 'content-type': 'text/xml', etag: '"next-day"' } },
          ),
      ),
    );
    const next = await client.operations.rates({ base: 'EUR', symbols: ['USD'] });
    expect(next).toEqual({ base: 'EUR', date: '2024-02-28', rates: { USD: '1.0834' } });
  });

  it('sends no conditional header without the cache', async () => {
    const { client, sandbox } = connectEcb();
    const spy = recordConditionalHeaders();
    sandbox.use(spy.handler);
    await client.operations.rates({ base: 'EUR' });
    await client.operations.rates({ base: 'EUR' });
    expect(spy.seen).toEqual([null, null]);
  });

  it('keeps one cache per client', async () => {
    const a = connectEcb({ config: { cache: 'etag' } });
    const b = connectEcb({ config: { cache: 'etag' } });
    const spy = recordConditionalHeaders();
    b.sandbox.use(spy.handler);
    await a.client.operations.rates({ base: 'EUR' });
    await b.client.operations.rates({ base: 'EUR' });
    expect(spy.seen).toEqual([null]);
  });
});
