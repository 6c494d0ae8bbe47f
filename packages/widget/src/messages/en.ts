import type { UploadMessages } from './types.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The English messages: the default. */
export const en: UploadMessages = {
  lang: 'en',
  dir: 'ltr',
  prompt: 'Drop files here, paste them, or press to choose',
  dropHere: 'Drop to add the files',
  acceptHint: (types) => `Accepted: ${types}`,
  sizeHint: (size) => `up to ${size} each`,
  countHint: (count) => `at most ${plural(count, 'file', 'files')}`,
  rejectType: (name, types) => `${name}: this type of file is not accepted (accepted: ${types}).`,
  rejectSize: (name, size, max) => `${name} is ${size}, over the ${max} limit.`,
  rejectCount: (name, max) => `${name} was not added: at most ${plural(max, 'file', 'files')}.`,
  rejectEmpty: (name) => `${name} is empty.`,
  files: 'Files',
  queued: 'Waiting',
  uploading: (percent) => `Uploading ${percent}`,
  uploaded: 'Uploaded',
  failed: 'Failed',
  findings: (errors, warnings) =>
    errors + warnings === 0
      ? 'Uploaded, no findings'
      : `${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}`,
  error: 'Error',
  warning: 'Warning',
  billed: 'Billed',
  notBilled: 'Not billed',
  networkError: 'The server could not be reached.',
  httpError: (status) => `The server answered ${status}.`,
  overall: (percent) => `Overall progress ${percent}`,
  cancel: 'Cancel',
  cancelAll: 'Cancel all',
  retry: 'Retry',
  remove: 'Remove',
  announceStart: (count) => `Uploading ${plural(count, 'file', 'files')}.`,
  announceSuccess: (name, summary) => `${name}: ${summary}.`,
  announceError: (name, reason) => `${name} failed: ${reason}`,
  announceComplete: (uploaded, failed) =>
    `Uploads finished: ${uploaded} uploaded, ${failed} failed.`,
  valueMissing: 'Please add at least one file.',
  pending: 'Please wait until the uploads finish.',
};
