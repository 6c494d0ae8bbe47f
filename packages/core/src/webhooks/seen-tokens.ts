/**
 * Remembers which one-time tokens (Mailgun's `signature.token`, a Standard
 * Webhooks `webhook-id`, …) were already accepted, to refuse replays. Plug in
 * a shared store (Redis `SET NX PX`, a SQL unique key) when several processes
 * receive webhooks.
 */
export interface SeenTokenStore {
  /**
   * Record `token` until `expiresAtMs` (milliseconds since the epoch). Return
   * `true` when it was new, `false` when it was already there — atomically,
   * so two concurrent deliveries of the same token cannot both get `true`.
   */
  markSeen(token: string, expiresAtMs: number): boolean | Promise<boolean>;
}

/** A {@link SeenTokenStore} that answers synchronously (the in-memory one does). */
export interface SyncSeenTokenStore extends SeenTokenStore {
  markSeen(token: string, expiresAtMs: number): boolean;
}

/** Options of {@link createMemorySeenTokenStore}. */
export interface MemorySeenTokenStoreOptions {
  /** The most tokens kept; the oldest are forgotten first. Default 100 000. */
  maxEntries?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
}

/**
 * An in-process {@link SeenTokenStore}: enough for one server process. Expired
 * tokens are dropped as new ones arrive, and at most `maxEntries` are kept.
 */
export function createMemorySeenTokenStore(
  options: MemorySeenTokenStoreOptions = {},
): SyncSeenTokenStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const clock = options.clock ?? Date.now;
  const seen = new Map<string, number>();
  return {
    markSeen(token, expiresAtMs) {
      const now = clock();
      const known = seen.get(token);
      if (known !== undefined && known > now) return false;
      seen.delete(token);
      // Insertion order approximates expiry order: sweep expired entries from the front.
      for (const [oldToken, expiry] of seen) {
        if (expiry > now && seen.size < maxEntries) break;
        seen.delete(oldToken);
      }
      seen.set(token, expiresAtMs);
      return true;
    },
  };
}
