/**
 * Serves `public/index.html` and the widget's CDN build, and forwards `/uploads` to the
 * Tollgate reference server (`TOLLGATE_URL`, default http://localhost:3000), so the page and
 * the API share one origin. `pnpm --filter widget-embed start`, then open http://localhost:5173.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT ?? 5173);
const upstream = process.env.TOLLGATE_URL ?? 'http://localhost:3000';
// Public exports only, exactly as a user's project would resolve them.
const files: Record<string, [string, string]> = {
  '/': [fileURLToPath(new URL('../public/index.html', import.meta.url)), 'text/html'],
  '/tollgate-upload.js': [
    fileURLToPath(import.meta.resolve('@tollgate/widget/tollgate-upload.js')),
    'text/javascript',
  ],
  '/locales/ar.js': [
    fileURLToPath(import.meta.resolve('@tollgate/widget/locales/ar')),
    'text/javascript',
  ],
};

createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path.startsWith('/uploads')) {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const headers = new Headers();
      for (const name of ['content-type', 'authorization', 'accept']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers.set(name, value);
      }
      const answer = await fetch(new URL(req.url ?? '/', upstream), {
        method: req.method ?? 'POST',
        headers,
        body: req.method === 'GET' ? null : body,
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
      });
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.writeHead(502, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'https://tollgate.dev/problems/upstream-unreachable',
          title: 'Reference server unreachable',
          status: 502,
          detail: `Nothing answered at ${upstream}; start it with \`pnpm start\`.`,
          code: 'upstream-unreachable',
        }),
      );
    }
    return;
  }
  const file = files[path];
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': file[1] });
  res.end(await readFile(file[0]));
}).listen(port, () => {
  console.log(`widget-embed: http://localhost:${port} → uploads forwarded to ${upstream}`);
});
