import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createSandboxFetch } from '../src/testing/index.js';

describe('createSandboxFetch', () => {
  it('answers from its handlers, the body readable by the handler', async () => {
    const sandbox = createSandboxFetch([
      http.post('https://partner.test/echo', async ({ request }) =>
        HttpResponse.json({ got: await request.json() }),
      ),
    ]);
    const response = await sandbox('https://partner.test/echo', {
      method: 'POST',
      body: JSON.stringify({ n: 1 }),
    });
    expect(await response.json()).toEqual({ got: { n: 1 } });
  });

  it('sends an unhandled request to the fallback with its body intact when told to bypass', async () => {
    const seen: string[] = [];
    const sandbox = createSandboxFetch(
      [
        // A handler that reads the body and then declines: the fallback must still get it.
        http.post('https://partner.test/*', async ({ request }) => {
          seen.push(`handler:${await request.text()}`);
          return undefined;
        }),
      ],
      {
        onUnhandledRequest: 'bypass',
        fallback: async (input, init) => {
          const request = new Request(input, init);
          seen.push(`fallback:${await request.text()}`);
          return new Response('from the fallback');
        },
      },
    );
    const response = await sandbox('https://partner.test/elsewhere', {
      method: 'POST',
      body: 'payload',
    });
    expect(await response.text()).toBe('from the fallback');
    expect(seen).toEqual(['handler:payload', 'fallback:payload']);
  });

  it('fails an unhandled request loudly by default', async () => {
    const sandbox = createSandboxFetch([]);
    await expect(sandbox('https://partner.test/nothing')).rejects.toThrow(
      'The sandbox has no handler for GET https://partner.test/nothing',
    );
  });

  it('keeps only the latest requests in its log', async () => {
    const sandbox = createSandboxFetch(
      [http.get('https://partner.test/n/:n', () => new Response())],
      {
        keepRequests: 3,
      },
    );
    for (let n = 1; n <= 5; n++) await sandbox(`https://partner.test/n/${n}`);
    expect(sandbox.requests.map((request) => request.url)).toEqual([
      'https://partner.test/n/3',
      'https://partner.test/n/4',
      'https://partner.test/n/5',
    ]);
  });
});
