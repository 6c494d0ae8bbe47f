/** What an upload function is asked to send: one file, one request. */
export interface UploadRequest {
  /** The endpoint (`endpoint` attribute). */
  url: string;
  /** The file to send. */
  file: File;
  /** The multipart field name of the file (`field-name`, default `file`). */
  fieldName: string;
  /** Extra multipart fields. */
  fields: Record<string, string | Blob>;
  /** Request headers, e.g. `Authorization`. */
  headers: Record<string, string>;
  /** Send cookies cross-origin. */
  withCredentials: boolean;
  /** Aborted when the user cancels. */
  signal: AbortSignal;
  /** Call with bytes sent so far and the total. */
  onProgress(loaded: number, total: number): void;
}

/** The HTTP answer of an upload function. */
export interface UploadResponse {
  /** The HTTP status. */
  status: number;
  /** The body, parsed as JSON when it is JSON, otherwise text. */
  body: unknown;
  /** The `Retry-After` header, in milliseconds. */
  retryAfterMs?: number;
}

/**
 * Sends one file. Resolves with any HTTP answer; rejects (any error) when no answer came,
 * and with an `AbortError` when `signal` aborts.
 */
export type UploadFunction = (request: UploadRequest) => Promise<UploadResponse>;

/**
 * The default {@link UploadFunction}: a multipart `POST` through `XMLHttpRequest`, because
 * `fetch` cannot report upload progress.
 */
export const xhrUpload: UploadFunction = (request) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    for (const [key, value] of Object.entries(request.fields)) body.append(key, value);
    body.append(request.fieldName, request.file, request.file.name);
    xhr.open('POST', request.url);
    xhr.withCredentials = request.withCredentials;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    for (const [key, value] of Object.entries(request.headers)) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (e) =>
      request.onProgress(e.loaded, e.lengthComputable ? e.total : request.file.size);
    xhr.onload = () => {
      let parsed: unknown = xhr.responseText;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {}
      const retryAfter = Number(xhr.getResponseHeader('Retry-After'));
      resolve({
        status: xhr.status,
        body: parsed,
        ...(retryAfter > 0 && { retryAfterMs: retryAfter * 1000 }),
      });
    };
    xhr.onerror = xhr.ontimeout = () => reject(new TypeError('Network error'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
