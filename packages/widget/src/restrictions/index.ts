const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * Parses a size such as `10MB`, `500 KB`, `1.5GiB` or `2048` (bytes); `KB` and `KiB` both mean
 * 1024 bytes. Returns `Infinity` for an empty or unreadable value (no limit).
 */
export function parseFileSize(value: string | number | null | undefined): number {
  if (typeof value === 'number') return value > 0 ? value : Infinity;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(value ?? '');
  return match ? Number(match[1]) * (UNITS[match[2]?.toLowerCase() || 'b'] ?? 1) : Infinity;
}

/**
 * Whether a file matches an `accept` list (`.pdf`, `image/*`, `text/plain`), by extension or
 * MIME type as `<input accept>` does. An empty list accepts everything.
 */
export function matchesAccept(file: File, accept: string): boolean {
  const tokens = accept
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (tokens.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return tokens.some((t) =>
    t.startsWith('.')
      ? name.endsWith(t)
      : t.endsWith('/*')
        ? type.startsWith(t.slice(0, -1))
        : type === t,
  );
}
