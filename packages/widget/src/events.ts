import type { UploadFailure, UploadFile, UploadRejection, UploadResult } from './upload/types.js';

/** `tollgate-select`: files passed the restrictions. Cancelable: `preventDefault()` drops them. */
export interface SelectDetail {
  /** The accepted files, queued for upload. */
  files: UploadFile[];
}

/** `tollgate-reject`: files refused by a restriction, each with its message. */
export interface RejectDetail {
  /** One entry per refused file. */
  rejections: UploadRejection[];
}

/** `tollgate-upload-start`: an attempt to upload a file begins. */
export interface UploadStartDetail {
  /** The file. */
  file: UploadFile;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
}

/** `tollgate-upload-progress`: bytes were sent. */
export interface UploadProgressDetail {
  /** The file. */
  file: UploadFile;
  /** This file's progress, 0–100. */
  percent: number;
  /** Progress over every file in the list, 0–100. */
  overall: number;
}

/** `tollgate-upload-success`: the server accepted a file. */
export interface UploadSuccessDetail {
  /** The file. */
  file: UploadFile;
  /** The server's answer. */
  result: UploadResult;
}

/** `tollgate-upload-error`: an attempt failed. */
export interface UploadErrorDetail {
  /** The file. */
  file: UploadFile;
  /** Why it failed. */
  error: UploadFailure;
  /** Whether the element will retry it automatically. */
  willRetry: boolean;
}

/** `tollgate-complete`: nothing is left queued or uploading. */
export interface CompleteDetail {
  /** Files uploaded. */
  uploaded: UploadFile[];
  /** Files that failed for good. */
  failed: UploadFile[];
}

/** The events of `<tollgate-upload>`: all `CustomEvent`s that bubble and are composed. */
export interface TollgateUploadEventMap {
  'tollgate-select': CustomEvent<SelectDetail>;
  'tollgate-reject': CustomEvent<RejectDetail>;
  'tollgate-upload-start': CustomEvent<UploadStartDetail>;
  'tollgate-upload-progress': CustomEvent<UploadProgressDetail>;
  'tollgate-upload-success': CustomEvent<UploadSuccessDetail>;
  'tollgate-upload-error': CustomEvent<UploadErrorDetail>;
  'tollgate-complete': CustomEvent<CompleteDetail>;
}
