/** One finding of the server's document validation. */
export interface Finding {
  /** `error` makes the document invalid; `warning` does not. */
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `MT700_MISSING_FIELD`. */
  code: string;
  /** Human-readable explanation. */
  message: string;
  /** The field the finding is about, when there is one (e.g. `31D`). */
  field?: string;
}

/** The server's answer for one uploaded file (`POST /uploads`). */
export interface UploadResult {
  /** The upload session the document belongs to. */
  session_id: string;
  /** The stored document: its id, or an object carrying an `id`. */
  document: unknown;
  /** Validation findings; empty when the document is clean. */
  findings: Finding[];
  /** Whether the validation was recorded in the billing ledger. */
  billing_recorded: boolean;
}

/** An RFC 9457 `application/problem+json` body. */
export interface Problem {
  /** A URL naming the kind of problem. */
  type: string;
  /** Short summary of the kind of problem. */
  title: string;
  /** The HTTP status code. */
  status: number;
  /** What went wrong this time. */
  detail?: string;
  /** Tollgate's stable error code. */
  code?: string;
}

/** Why an upload attempt failed. */
export interface UploadFailure {
  /** `network`: no HTTP answer; `http`: a non-2xx answer. */
  kind: 'network' | 'http';
  /** The HTTP status, for `http` failures. */
  status?: number;
  /** The problem document, when the server sent one. */
  problem?: Problem;
  /** A message for people, from the problem or the messages object. */
  message: string;
  /** Whether the element retries it automatically (network errors and 5xx). */
  retryable: boolean;
  /** Delay the server asked for (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
}

/** Where one file stands. */
export type UploadStatus = 'queued' | 'uploading' | 'success' | 'error';

/** One file accepted by the element, with its upload state. */
export interface UploadFile {
  /** Unique within the element. */
  readonly id: string;
  /** The file itself. */
  readonly file: File;
  /** Where the file stands. */
  status: UploadStatus;
  /** Upload progress from 0 to 1. */
  progress: number;
  /** Attempts made so far (automatic retries included). */
  attempts: number;
  /** The server's answer, once uploaded. */
  result?: UploadResult;
  /** The document id taken from the answer: the form value. */
  documentId?: string;
  /** The last failure. */
  error?: UploadFailure;
}

/** A file refused before upload, with the reason. */
export interface UploadRejection {
  /** The refused file. */
  file: File;
  /** Which restriction refused it. */
  reason: 'file-type' | 'file-too-large' | 'too-many-files' | 'file-empty';
  /** The message shown for it. */
  message: string;
}
