import { randomUUID } from 'node:crypto';
import type { BillingGuard } from '@tollgate/billing';
import { checkLetterOfCredit, type LcFinding } from '@tollgate/connectors/swift-mt';
import { issuesFromZod, ValidationError } from '@tollgate/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { ServerProblem } from '../errors/problem.js';
import {
  type DocumentType,
  type SessionStore,
  sessionToJson,
  type ValidationSession,
} from '../sessions/session-store.js';
import type { AppEnv } from '../types.js';
import { detectDocumentType } from './document-type.js';

/** The operation an upload bills. */
export const SME_VALIDATION = 'sme.validation';
/** The pricing tier an SME upload is billed at. */
export const SME_TIER = 'sme';
/** Most files one upload may carry. */
export const MAX_FILES_PER_UPLOAD = 5;
/** Largest file one upload may carry, in bytes (1 MiB). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** What the uploads route needs. */
export interface UploadRoutesOptions {
  guard: BillingGuard;
  sessions: SessionStore;
  /** The day LC expiry is judged against; default: now. */
  clock?: () => Date;
  /** Told of each session once it is saved (to publish `session.validated`). */
  onSessionValidated?: (session: ValidationSession) => void;
  /** Checks of the document types that are not FIN/MT text (see {@link DocumentValidator}). */
  validators?: DocumentValidators;
}

/**
 * A check of an uploaded document the server has no check of its own for (a
 * PDF: an invoice, a bill of lading …): its findings, in the shape of
 * `checkLetterOfCredit`'s. The upload is billed when it returns, and not
 * billed when it throws (the session then holds a `document.check_failed`
 * finding). An OCR or LLM classifier plugs in here.
 */
export type DocumentValidator = (document: {
  name: string;
  type: DocumentType;
  bytes: Uint8Array;
}) => LcFinding[] | Promise<LcFinding[]>;

/** Validators by document type; FIN/MT text is always checked with `checkLetterOfCredit`. */
export type DocumentValidators = Partial<Record<Exclude<DocumentType, 'mt'>, DocumentValidator>>;

export const uploadBody = z.object({
  documents: z.union([z.instanceof(File), z.array(z.instanceof(File)).min(1)], {
    error: 'Send one to five files in the multipart field `documents`.',
  }),
});

/**
 * `POST /uploads`: multipart `documents` (1–5 files, 1 MiB each), typed by
 * content (FIN/MT text or PDF, else 415). Each file opens a validation
 * session; MT text is checked with `checkLetterOfCredit` and `sme.validation`
 * is billed once per session through the guard (authorize → commit); when the
 * check cannot run (a PDF, for now) the intent is voided and nothing is billed.
 */
export function uploadRoutes(options: UploadRoutesOptions): Hono<AppEnv> {
  const clock = options.clock ?? (() => new Date());
  return new Hono<AppEnv>().post('/uploads', async (c) => {
    const principal = c.get('principal');
    if (principal.role !== 'sme') {
      throw new ServerProblem('forbidden', 'Only SME keys may upload documents for validation.');
    }
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch (cause) {
      throw new ValidationError(
        'The body is not readable multipart/form-data.',
        [
          {
            path: [],
            code: 'malformed_multipart',
            message: 'The multipart body cannot be parsed.',
          },
        ],
        { cause },
      );
    }
    const parsed = uploadBody.safeParse(body);
    if (!parsed.success) {
      throw new ValidationError('The upload is invalid.', issuesFromZod(parsed.error));
    }
    const files = Array.isArray(parsed.data.documents)
      ? parsed.data.documents
      : [parsed.data.documents];
    if (files.length > MAX_FILES_PER_UPLOAD) {
      throw new ServerProblem(
        'payload_too_large',
        `At most ${MAX_FILES_PER_UPLOAD} files per upload.`,
        { max_files: MAX_FILES_PER_UPLOAD },
      );
    }
    const oversized = files.find((file) => file.size > MAX_FILE_BYTES);
    if (oversized !== undefined) {
      throw new ServerProblem('payload_too_large', 'A file is larger than 1 MiB.', {
        max_file_bytes: MAX_FILE_BYTES,
      });
    }

    // Every file is typed before anything is billed, so a bad file changes nothing.
    const documents: { file: File; bytes: Uint8Array; type: DocumentType }[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const type = detectDocumentType(bytes);
      if (type === undefined) {
        throw new ServerProblem(
          'unsupported_media_type',
          'Only FIN/MT text and PDF documents are accepted.',
          { document: file.name },
        );
      }
      documents.push({ file, bytes, type });
    }

    const results: Record<string, unknown>[] = [];
    for (const { file, bytes, type } of documents) {
      const session = await validateDocument(options, clock, principal, file, bytes, type);
      await options.sessions.save(session);
      options.onSessionValidated?.(session);
      results.push(sessionToJson(session));
    }
    return c.json(results.length === 1 ? results[0] : { results }, 201);
  });
}

async function validateDocument(
  options: UploadRoutesOptions,
  clock: () => Date,
  principal: AppEnv['Variables']['principal'],
  file: File,
  bytes: Uint8Array,
  type: DocumentType,
): Promise<ValidationSession> {
  const sessionId = randomUUID();
  const intent = await options.guard.authorize({
    tenantId: principal.tenantId,
    actor: { id: principal.prefix, role: principal.role },
    sessionId,
    operation: SME_VALIDATION,
    tier: SME_TIER,
    idempotencyKey: `upload:${sessionId}`,
    metadata: { document: file.name, type },
  });
  const text = type === 'mt' ? new TextDecoder().decode(bytes) : null;
  let findings: LcFinding[];
  try {
    if (text !== null) findings = checkLetterOfCredit(text, { today: clock() }).findings;
    else {
      const validator = type === 'mt' ? undefined : options.validators?.[type];
      if (validator === undefined) throw new CheckNotRun('pdf_not_checked');
      findings = await validator({ name: file.name, type, bytes });
    }
  } catch (error) {
    await intent.void(error instanceof CheckNotRun ? error.reason : 'check_failed');
    return {
      id: sessionId,
      tenantId: principal.tenantId,
      createdAt: clock(),
      document: { name: file.name, size: file.size, type },
      findings: [checkNotRunFinding(error)],
      billingRecorded: false,
      billingEventId: null,
      text,
      sharedWith: [],
    };
  }
  const event = await intent.commit({ reference: sessionId, metadata: { document: file.name } });
  return {
    id: sessionId,
    tenantId: principal.tenantId,
    createdAt: clock(),
    document: { name: file.name, size: file.size, type },
    findings,
    billingRecorded: true,
    billingEventId: event.id,
    text,
    sharedWith: [],
  };
}

/** The check was not run for a known reason (not an error of the server). */
class CheckNotRun extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function checkNotRunFinding(error: unknown): LcFinding {
  if (error instanceof CheckNotRun) {
    return {
      severity: 'info',
      code: 'document.pdf_not_checked',
      message: 'No check is configured for PDF documents; this one was not checked and not billed.',
      tags: [],
    };
  }
  return {
    severity: 'error',
    code: 'document.check_failed',
    message: 'The document could not be checked; nothing was billed.',
    tags: [],
  };
}
