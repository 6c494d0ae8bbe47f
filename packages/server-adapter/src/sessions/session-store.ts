import type { LcFinding } from '@tollgate/connectors/swift-mt';

/** What the server recognised an uploaded document as. */
export type DocumentType = 'mt' | 'pdf';

/** A validation session: one uploaded document, its findings and whether it was billed. */
export interface ValidationSession {
  id: string;
  tenantId: string;
  createdAt: Date;
  document: { name: string; size: number; type: DocumentType };
  findings: LcFinding[];
  billingRecorded: boolean;
  /** The billing event's id, when billed. */
  billingEventId: string | null;
  /** The document's FIN/MT text (what a bank submits to its gateway); `null` for a PDF. */
  text: string | null;
  /** Tenants (banks) the owner shared the session with; they may read it, nothing more. */
  sharedWith: string[];
}

/** A session a tenant may use: its id and its owner (see {@link SessionStore.visible}). */
export interface SessionAccess {
  id: string;
  /** The owner. */
  tenantId: string;
}

/** Where validation sessions are kept. */
export interface SessionStore {
  /** Create or update a session; an id already owned by another tenant is left as it is. */
  save(session: ValidationSession): Promise<void>;
  /** The session, only when it belongs to `tenantId` or was shared with it. */
  get(id: string, tenantId: string): Promise<ValidationSession | undefined>;
  /**
   * Whether `tenantId` may use session `id` (it owns it or it was shared with
   * it), without reading the document: the session's id and owner, or
   * `undefined` as {@link SessionStore.get} would be. What a partner call needs.
   */
  visible(id: string, tenantId: string): Promise<SessionAccess | undefined>;
  /**
   * Share the session `id` of `ownerTenantId` with `tenantId` (idempotent);
   * the session, or `undefined` when the owner has no such session.
   */
  share(
    id: string,
    ownerTenantId: string,
    tenantId: string,
  ): Promise<ValidationSession | undefined>;
}

/** An in-memory session store, for tests and the memory billing store (sessions die with the process); `sqlSessionStore` keeps them. */
export function createMemorySessionStore(): SessionStore {
  const sessions = new Map<string, ValidationSession>();
  return {
    async save(session) {
      // A session id belongs to its first tenant: another tenant never overwrites it.
      const existing = sessions.get(session.id);
      if (existing !== undefined && existing.tenantId !== session.tenantId) return;
      sessions.set(session.id, structuredClone(session));
    },
    async get(id, tenantId) {
      const session = sessions.get(id);
      if (session === undefined) return undefined;
      const visible = session.tenantId === tenantId || session.sharedWith.includes(tenantId);
      return visible ? structuredClone(session) : undefined;
    },
    async visible(id, tenantId) {
      const session = sessions.get(id);
      if (session === undefined) return undefined;
      const visible = session.tenantId === tenantId || session.sharedWith.includes(tenantId);
      return visible ? { id: session.id, tenantId: session.tenantId } : undefined;
    },
    async share(id, ownerTenantId, tenantId) {
      const session = sessions.get(id);
      if (session?.tenantId !== ownerTenantId) return undefined;
      if (!session.sharedWith.includes(tenantId)) session.sharedWith.push(tenantId);
      return structuredClone(session);
    },
  };
}

/** The JSON shape of a session in answers (snake_case, as the HTTP API speaks). */
export function sessionToJson(session: ValidationSession): Record<string, unknown> {
  return {
    session_id: session.id,
    created_at: session.createdAt.toISOString(),
    document: session.document,
    findings: session.findings,
    billing_recorded: session.billingRecorded,
  };
}
