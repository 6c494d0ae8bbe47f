import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppEnv } from '@tollgate/server-adapter';
import type { Hono } from 'hono';

const file = (url: URL | string) =>
  readFileSync(url instanceof URL ? url : fileURLToPath(url), 'utf8');

/**
 * The demo page at `/`: `<tollgate-upload>` (the widget's CDN build, served at
 * `/assets/tollgate-upload.js`) uploading to `/uploads`, the tenant's billing
 * usage, and a sample MT700 at `/samples/mt700.fin`. Files are read once.
 */
export function addDemoPage(app: Hono<AppEnv>): void {
  const page = file(new URL('../public/index.html', import.meta.url));
  const sample = file(new URL('../public/mt700-sample.fin', import.meta.url));
  // The widget's public export, exactly as a user's project resolves it.
  const widget = file(import.meta.resolve('@tollgate/widget/tollgate-upload.js'));
  app.get('/', (c) => c.html(page));
  app.get('/assets/tollgate-upload.js', (c) =>
    c.body(widget, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  );
  app.get('/samples/mt700.fin', (c) =>
    c.body(sample, 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': 'attachment; filename="mt700-sample.fin"',
    }),
  );
}
