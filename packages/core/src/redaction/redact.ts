/** The text that replaces a secret wherever one would have appeared. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not scrubbed from text: they would match everywhere. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replace every occurrence of every secret in `text` with `[REDACTED]`. Used on
 * partner response bodies and messages before they reach an error or a log.
 * Longer secrets are replaced first, so a secret that contains another is
 * scrubbed whole.
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  const candidates = [...new Set(secrets)]
    .filter((secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of candidates) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/**
 * Every string leaf of a credentials object (nested objects and arrays
 * included): the values {@link redactSecrets} must scrub.
 */
export function collectSecretStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectSecretStrings(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectSecretStrings(item, into);
  }
  return into;
}

/** A copy of `value` in which every leaf is `[REDACTED]`, keeping the keys for debugging. */
export function redactObject(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactObject);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactObject(item)]),
    );
  }
  return REDACTED;
}
