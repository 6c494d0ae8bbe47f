import type { OperationHttp } from '@tollgate/core';
import { type EcbReferenceDay, parseEcbXml } from './ecb-xml.js';
import type { FxEcbConfig } from './schema.js';

/** The ECB's reference-rate files, relative to `https://www.ecb.europa.eu`. */
export const ECB_FILES = Object.freeze({
  /** The latest day, updated once a business day around 16:00 CET. */
  daily: '/stats/eurofxref/eurofxref-daily.xml',
  /** The last 90 days or so. */
  hist90d: '/stats/eurofxref/eurofxref-hist-90d.xml',
  /** Every day since 1999-01-04 (several megabytes). */
  hist: '/stats/eurofxref/eurofxref-hist.xml',
});

/** One of {@link ECB_FILES}. */
export type EcbFile = keyof typeof ECB_FILES;

interface CachedFile {
  etag: string | null;
  lastModified: string | null;
  days: EcbReferenceDay[];
}

/**
 * Cached files per connection. Keyed by the connection's config object, which
 * core hands unchanged to every call of one client, so each client has its own
 * cache and it goes away with the client.
 */
const caches = new WeakMap<object, Map<EcbFile, CachedFile>>();

/** What {@link fetchEcbFile} needs of an operation's context. */
export interface EcbFetchContext {
  http: OperationHttp;
  config: FxEcbConfig;
  connectorId: string;
  operation?: string;
}

/**
 * GET one ECB file and parse it (see `parseEcbXml`), through the connector's
 * transport, so retries, time limits and the circuit breaker apply. With
 * `config.cache === 'etag'`, a file seen before is revalidated with
 * `If-None-Match` (or `If-Modified-Since`) and a 304 answer reuses it.
 */
export async function fetchEcbFile(
  context: EcbFetchContext,
  file: EcbFile,
): Promise<EcbReferenceDay[]> {
  const cache = context.config.cache === 'etag' ? cacheOf(context.config) : undefined;
  const cached = cache?.get(file);
  const headers: Record<string, string> = { accept: 'text/xml, application/xml' };
  if (cached?.etag) headers['if-none-match'] = cached.etag;
  else if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;

  const response = await context.http.request({ path: ECB_FILES[file], headers });
  // A conditional GET answered 304 Not Modified: the cached file is current.
  if (response.status === 304 && cached) return cached.days;
  const text = await response.text();
  const days = parseEcbXml(text, {
    file: ECB_FILES[file].split('/').pop() ?? file,
    connectorId: context.connectorId,
    ...(context.operation === undefined ? {} : { operation: context.operation }),
  });
  if (cache) {
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag || lastModified) cache.set(file, { etag, lastModified, days });
  }
  return days;
}

function cacheOf(config: object): Map<EcbFile, CachedFile> {
  let cache = caches.get(config);
  if (!cache) {
    cache = new Map();
    caches.set(config, cache);
  }
  return cache;
}
