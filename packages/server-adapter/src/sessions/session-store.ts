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
}

/** Where validation sessions are kept. */
export interface SessionStore {
  save(session: ValidationSession): Promise<void>;
  /** The session, only when it belongs to `tenantId`. */
  get(id: string, tenantId: string): Promise<ValidationSession | undefined>;
}

/** An in-memory session store (this slice has no persistent one yet; sessions die with the process). */
export function createMemorySessionStore(): SessionStore {
  const sessions = new Map<string, ValidationSession>();
  return {
    async save(session) {
      sessions.set(session.id, structuredClone(session));
    },
    async get(id, tenantId) {
      const session = sessions.get(id);
      return session?.tenantId === tenantId ? structuredClone(session) : undefined;
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
