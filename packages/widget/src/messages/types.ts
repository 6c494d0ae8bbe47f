/**
 * Every string `<tollgate-upload>` shows or announces. Numbers, sizes and percentages arrive
 * already formatted for `lang` (with `Intl`). Assign a whole locale or a partial override to
 * the element's `messages` property; missing keys fall back to English.
 */
export interface UploadMessages {
  /** BCP 47 language tag, used for `lang` and for `Intl` formatting. */
  lang: string;
  /** Writing direction of the locale. */
  dir: 'ltr' | 'rtl';
  /** The drop zone's label. */
  prompt: string;
  /** The drop zone's label while files are dragged over it. */
  dropHere: string;
  /** Hint listing the accepted types. */
  acceptHint(types: string): string;
  /** Hint giving the size limit per file. */
  sizeHint(size: string): string;
  /** Hint giving the maximum number of files. */
  countHint(count: number): string;
  /** A file of a type that is not accepted. */
  rejectType(name: string, types: string): string;
  /** A file over the size limit. */
  rejectSize(name: string, size: string, max: string): string;
  /** A file past the maximum number of files. */
  rejectCount(name: string, max: number): string;
  /** An empty file. */
  rejectEmpty(name: string): string;
  /** Accessible name of the file list. */
  files: string;
  /** Status of a file waiting for its turn. */
  queued: string;
  /** Status of a file being uploaded. */
  uploading(percent: string): string;
  /** Status of an uploaded file without findings. */
  uploaded: string;
  /** Status of a file whose upload failed. */
  failed: string;
  /** Summary of the findings of an uploaded file. */
  findings(errors: number, warnings: number): string;
  /** Label of an error finding. */
  error: string;
  /** Label of a warning finding. */
  warning: string;
  /** The validation was billed. */
  billed: string;
  /** The validation was not billed. */
  notBilled: string;
  /** No HTTP answer came. */
  networkError: string;
  /** A non-2xx answer without a problem document. */
  httpError(status: number): string;
  /** Label of the overall progress bar. */
  overall(percent: string): string;
  /** Button: cancel one upload. */
  cancel: string;
  /** Button: cancel every upload. */
  cancelAll: string;
  /** Button: retry a failed upload. */
  retry: string;
  /** Button: remove a file from the list. */
  remove: string;
  /** Announced (politely) when uploads start. */
  announceStart(count: number): string;
  /** Announced (politely) when a file is uploaded. */
  announceSuccess(name: string, summary: string): string;
  /** Announced (assertively) when a file fails for good. */
  announceError(name: string, reason: string): string;
  /** Announced (politely) when nothing is left to upload. */
  announceComplete(uploaded: number, failed: number): string;
  /** Validation message when `required` and no document was uploaded. */
  valueMissing: string;
  /** Validation message while uploads are still running. */
  pending: string;
}
