/**
 * `@tollgate/connectors/fx-ecb/sandbox`: msw handlers imitating the ECB's
 * eurofxref files with fixed, real figures (see `sandbox-files.ts`), plus the
 * fault scenarios every Tollgate sandbox plays. Needs msw.
 * @packageDocumentation
 */
import { HttpResponse, http } from 'msw';
import { type SandboxOptions, scenarioHandlers } from '../shared/sandbox-scenario.js';
import { ECB_FILES, type EcbFile } from './ecb-files.js';
import {
  ECB_DAILY_2024_02_27,
  ECB_HIST_90D_EXCERPT,
  ECB_HIST_EXCERPT,
  SANDBOX_LAST_MODIFIED,
} from './sandbox-files.js';
import type { FxEcbConfig } from './schema.js';

export {
  ECB_DAILY_2024_02_27,
  ECB_HIST_90D_EXCERPT,
  ECB_HIST_EXCERPT,
  SANDBOX_LAST_MODIFIED,
} from './sandbox-files.js';

/** Options of {@link fxEcbSandbox}. */
export interface FxEcbSandboxOptions extends SandboxOptions<FxEcbConfig> {
  /** Serve other XML for some files (another day, a broken file); default the fixed 2024-02-27 files. */
  files?: Partial<Record<EcbFile, string>>;
}

const DEFAULT_FILES: Record<EcbFile, string> = {
  daily: ECB_DAILY_2024_02_27,
  hist90d: ECB_HIST_90D_EXCERPT,
  hist: ECB_HIST_EXCERPT,
};

/**
 * msw handlers for the ECB's three eurofxref files under `options.baseUrl`,
 * with the web server's semantics: `GET` and `HEAD` answer `200` with
 * `Content-Type: text/xml`, an `ETag` and a `Last-Modified`; a matching
 * `If-None-Match` (or, without one, an `If-Modified-Since` not older than the
 * file) answers `304` without a body; other methods get `405`, other paths an
 * HTML `404`. No authentication: the files are public.
 *
 * `options.scenario` puts a fault in front (429 with `Retry-After`, 500, slow,
 * a malformed body, a reset connection). State is per call of this factory.
 */
export function fxEcbSandbox(options: FxEcbSandboxOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const served = (Object.keys(ECB_FILES) as EcbFile[]).map((file) => {
    const body = options.files?.[file] ?? DEFAULT_FILES[file];
    return { path: ECB_FILES[file], body, etag: `"${fnv1a(body)}-${body.length.toString(16)}"` };
  });
  const knownPaths = new Set<string>(served.map((file) => file.path));

  const answer = (request: Request, file: (typeof served)[number]) => {
    const headers = {
      'content-type': 'text/xml',
      etag: file.etag,
      'last-modified': SANDBOX_LAST_MODIFIED,
      'cache-control': 'max-age=300',
    };
    if (notModified(request, file.etag)) {
      return new HttpResponse(null, { status: 304, headers });
    }
    const body = request.method === 'HEAD' ? null : file.body;
    return new HttpResponse(body, { status: 200, headers });
  };

  return [
    ...scenarioHandlers(options),
    ...served.flatMap((file) => [
      http.get(`${baseUrl}${file.path}`, ({ request }) => answer(request, file)),
      http.head(`${baseUrl}${file.path}`, ({ request }) => answer(request, file)),
    ]),
    http.all(`${baseUrl}/*`, ({ request }) => {
      const path = new URL(request.url).pathname;
      if (knownPaths.has(path)) {
        return new HttpResponse(null, { status: 405, headers: { allow: 'GET, HEAD' } });
      }
      return new HttpResponse(
        '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>404 - Page not found</h1></body></html>',
        { status: 404, headers: { 'content-type': 'text/html; charset=UTF-8' } },
      );
    }),
  ];
}

/** RFC 9110 §13.1: `If-None-Match` wins; `If-Modified-Since` counts only without it. */
function notModified(request: Request, etag: string): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ifModifiedSince = request.headers.get('if-modified-since');
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(SANDBOX_LAST_MODIFIED) <= since;
}

/** A short deterministic fingerprint of a file for its ETag (32-bit FNV-1a, hex). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
