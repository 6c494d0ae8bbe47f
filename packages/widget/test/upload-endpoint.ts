/**
 * A test upload endpoint served by the Vite dev server that runs the browser tests (same
 * origin, so no CORS), shaped like the reference server's `POST /uploads`. It reads request
 * bodies slowly, so the browser's real XHR upload progress is observed in steps.
 *
 * - `/__upload/ok`: 200 `{ session_id, document, findings, billing_recorded }`; a file whose name
 *   contains `findings` gets an error and a warning (and is not billed).
 * - `/__upload/flaky?key=K`: 503 problem the first time for each key, then like `ok`.
 * - `/__upload/unavailable`: always 503 problem.
 * - `/__upload/invalid`: 422 problem.
 * - `/__upload/hang`: reads the body, never answers (for cancel).
 * - `GET /__upload/log`: what the endpoint saw (`{ started, completed, aborted }` per path).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vitest/config';

const seenFlaky = new Set<string>();
let documents = 0;
const log = { started: 0, completed: 0, aborted: 0 };

function problem(res: ServerResponse, status: number, code: string, title: string, detail: string) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(
    JSON.stringify({ type: `https://tollgate.dev/problems/${code}`, title, status, detail, code }),
  );
}

/** Reads the body in throttled steps; resolves with the uploaded file's name. */
function readSlowly(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let head = '';
    req.on('data', (chunk: Buffer) => {
      if (head.length < 2048) head += chunk.toString('latin1');
      req.pause();
      setTimeout(() => req.resume(), 12);
    });
    req.on('end', () => resolve(/filename="([^"]*)"/.exec(head)?.[1] ?? 'unnamed'));
    req.on('error', reject);
  });
}

/** The Vite plugin that mounts the endpoint at `/__upload`. */
export function uploadEndpoint(): Plugin {
  return {
    name: 'tollgate-test-upload-endpoint',
    configureServer(server) {
      server.middlewares.use('/__upload', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (req.method === 'GET' && url.pathname === '/log') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(log));
          return;
        }
        log.started++;
        let answered = false;
        res.on('close', () => {
          if (!answered) log.aborted++;
        });
        readSlowly(req).then(
          (name) => {
            const route = url.pathname;
            if (route === '/hang') return;
            answered = true;
            log.completed++;
            if (route === '/invalid')
              return problem(
                res,
                422,
                'unsupported-document',
                'Unsupported document',
                `${name} is not an MT700 or a PDF.`,
              );
            if (route === '/unavailable')
              return problem(res, 503, 'unavailable', 'Service unavailable', 'Validation is down.');
            const key = url.searchParams.get('key') ?? '';
            if (route === '/flaky' && !seenFlaky.has(key)) {
              seenFlaky.add(key);
              return problem(res, 503, 'unavailable', 'Service unavailable', 'Try again.');
            }
            const n = ++documents;
            const invalid = name.includes('findings');
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end(
              JSON.stringify({
                session_id: `ses_${n}`,
                document: { id: `doc_${n}`, name },
                findings: invalid
                  ? [
                      {
                        severity: 'error',
                        code: 'MT700_MISSING_FIELD',
                        message: 'Date and place of expiry is missing.',
                        field: '31D',
                      },
                      {
                        severity: 'warning',
                        code: 'MT700_LATE_SHIPMENT',
                        message: 'Latest shipment is after expiry.',
                        field: '44C',
                      },
                    ]
                  : [],
                billing_recorded: !invalid,
              }),
            );
          },
          () => res.destroy(),
        );
      });
    },
  };
}
