/** Helpers the carriers' sandboxes read requests with. Used by the sandboxes only. */

/** The request's JSON object body, or `undefined` when it is not a JSON object. */
export async function jsonObjectBody(
  request: Request,
): Promise<Record<string, unknown> | undefined> {
  try {
    const body = (await request.json()) as unknown;
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The value at `path` in an unknown JSON value (`valueAt(body, 'a', 0, 'b')`). */
export function valueAt(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The `/`-separated paths (`a/0/b`) that are missing or empty in `body`. */
export function missingPaths(body: unknown, paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const value = valueAt(
      body,
      ...path.split('/').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    );
    return value === undefined || value === null || value === '';
  });
}
