/**
 * `@tollgate/widget`: the `<tollgate-upload>` web component. Importing this module registers
 * the element (once); everything else here is its types and helpers.
 * @packageDocumentation
 */

export type {
  CompleteDetail,
  RejectDetail,
  SelectDetail,
  TollgateUploadEventMap,
  UploadErrorDetail,
  UploadProgressDetail,
  UploadStartDetail,
  UploadSuccessDetail,
} from './events.js';
export { en } from './messages/en.js';
export type { UploadMessages } from './messages/types.js';
export { matchesAccept, parseFileSize } from './restrictions/index.js';
export { TollgateUpload, type UploadHeaders } from './tollgate-upload.js';
export type {
  Finding,
  Problem,
  UploadFailure,
  UploadFile,
  UploadRejection,
  UploadResult,
  UploadStatus,
} from './upload/types.js';
export {
  type UploadFunction,
  type UploadRequest,
  type UploadResponse,
  xhrUpload,
} from './upload/xhr-upload.js';
