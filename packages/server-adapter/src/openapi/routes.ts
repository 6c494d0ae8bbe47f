import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../types.js';
import { createOpenApiDocument, type OpenApiDocumentOptions } from './document.js';

/**
 * The Scalar API Reference bundle the docs page loads by default: a pinned
 * version from jsDelivr, so a new release never changes the page unannounced.
 */
export const DEFAULT_DOCS_SCRIPT_URL =
  'https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.76.0/dist/browser/standalone.js';

/**
 * Subresource Integrity of {@link DEFAULT_DOCS_SCRIPT_URL} (SHA-384 of
 * `dist/browser/standalone.js` in the npm tarball, which jsDelivr serves
 * unchanged): a CDN that serves anything else is refused by the browser.
 */
export const DEFAULT_DOCS_SCRIPT_INTEGRITY =
  'sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ';

/** Options of {@link openApiRoutes}. */
export interface OpenApiRoutesOptions extends OpenApiDocumentOptions {
  /** Where the document is served; default `/openapi.json`. */
  documentPath?: string;
  /** Where the interactive reference is served; default `/docs`. */
  docsPath?: string;
  /**
   * The Scalar API Reference script (`standalone.js`) the docs page loads;
   * default {@link DEFAULT_DOCS_SCRIPT_URL}. Point it at a copy you host to
   * keep the page working offline; the Content-Security-Policy follows it.
   */
  docsScriptUrl?: string;
  /**
   * The script's Subresource Integrity (`sha384-…`); default
   * {@link DEFAULT_DOCS_SCRIPT_INTEGRITY} for the default URL, none for another.
   */
  docsScriptIntegrity?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A JSON value as inline-script text: no `</script>` or `<!--` can end or confuse the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The origin a CSP source list needs for `url`, or `'self'` for a relative one. */
function sourceOf(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return "'self'";
  return new URL(url).origin;
}

/** The docs page and the Content-Security-Policy that lets it run and nothing more. */
function docsPage(options: {
  title: string;
  documentPath: string;
  scriptUrl: string;
  scriptIntegrity: string | undefined;
  serverUrl: string | undefined;
}): { html: string; csp: string } {
  // No third-party fonts, telemetry or AI agent: the page talks to this server only.
  const init = `Scalar.createApiReference('#app', ${scriptJson({
    url: options.documentPath,
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
  })});`;
  const initHash = createHash('sha256').update(init, 'utf8').digest('base64');
  const scriptSource = sourceOf(options.scriptUrl);
  const apiSource = options.serverUrl === undefined ? "'self'" : sourceOf(options.serverUrl);
  const csp = [
    "default-src 'none'",
    `script-src ${scriptSource === "'self'" ? '' : `${scriptSource} `}'self' 'sha256-${initHash}'`,
    // The reference injects its own styles at run time.
    `style-src 'self' 'unsafe-inline'${scriptSource === "'self'" ? '' : ` ${scriptSource}`}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The document, and the API itself for the "try it" client.
    `connect-src 'self'${apiSource === "'self'" ? '' : ` ${apiSource}`}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const integrity =
    options.scriptIntegrity === undefined
      ? ''
      : ` integrity="${escapeHtml(options.scriptIntegrity)}"`;
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title)}</title>
    <link rel="alternate" type="application/json" href="${escapeHtml(options.documentPath)}" />
  </head>
  <body>
    <noscript>The interactive reference needs JavaScript. The OpenAPI document is at <a href="${escapeHtml(options.documentPath)}">${escapeHtml(options.documentPath)}</a>.</noscript>
    <div id="app"></div>
    <script src="${escapeHtml(options.scriptUrl)}"${integrity} crossorigin="anonymous"></script>
    <script>${init}</script>
  </body>
</html>
`;
  return { html, csp };
}

/**
 * A Hono app serving the API's OpenAPI 3.1 document at `GET /openapi.json`
 * (built once, then served from memory) and an interactive reference at
 * `GET /docs` (Scalar API Reference, loaded from a CDN or `docsScriptUrl`,
 * under a Content-Security-Policy that allows that script, its inline
 * start-up script by hash, and requests to this server only). Neither needs
 * an API key. Mount it before the routes that need keys:
 * `app.route('/', openApiRoutes({ serverUrl }))`.
 */
export function openApiRoutes(options: OpenApiRoutesOptions = {}): Hono<AppEnv> {
  const documentPath = options.documentPath ?? '/openapi.json';
  const docsPath = options.docsPath ?? '/docs';
  const document = createOpenApiDocument(options);
  const json = JSON.stringify(document);
  const etag = `"${createHash('sha256').update(json, 'utf8').digest('base64url').slice(0, 27)}"`;
  const { html, csp } = docsPage({
    title: String(document.info.title),
    documentPath,
    scriptUrl: options.docsScriptUrl ?? DEFAULT_DOCS_SCRIPT_URL,
    scriptIntegrity:
      options.docsScriptIntegrity ??
      (options.docsScriptUrl === undefined ? DEFAULT_DOCS_SCRIPT_INTEGRITY : undefined),
    serverUrl: options.serverUrl,
  });

  return new Hono<AppEnv>()
    .get(documentPath, (c) => {
      c.header('ETag', etag);
      c.header('Cache-Control', 'public, max-age=300');
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    })
    .get(docsPath, (c) =>
      c.body(html, 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'public, max-age=300',
      }),
    );
}
