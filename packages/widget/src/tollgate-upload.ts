import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { TollgateUploadEventMap } from './events.js';
import { en } from './messages/en.js';
import type { UploadMessages } from './messages/types.js';
import { matchesAccept, parseFileSize } from './restrictions/index.js';
import { styles } from './styles.js';
import type {
  Problem,
  UploadFailure,
  UploadFile,
  UploadRejection,
  UploadResult,
} from './upload/types.js';
import { type UploadFunction, type UploadResponse, xhrUpload } from './upload/xhr-upload.js';

/** Request headers, or a function that returns them before each attempt (e.g. a fresh token). */
export type UploadHeaders =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
let seq = 0;

/** The document id in a server answer: `document` itself, `document.id`, else `session_id`. */
const defaultDocumentId = (r: UploadResult): string | undefined =>
  typeof r.document === 'string'
    ? r.document
    : ((r.document as { id?: string } | null)?.id ?? r.session_id);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * `<tollgate-upload>`: a form-associated file upload field. Files are picked by drag and drop,
 * click, keyboard (Enter or Space on the focused drop zone) or paste, checked against `accept`,
 * `max-file-size` and `max-files`, and sent one request per file with `XMLHttpRequest` so that
 * progress is real. The server's answer (findings, billing) is shown per file; inside a `<form>`
 * the value is the uploaded document ids.
 *
 * Events (see {@link TollgateUploadEventMap}): `tollgate-select` (cancelable), `tollgate-reject`,
 * `tollgate-upload-start`, `tollgate-upload-progress`, `tollgate-upload-success`,
 * `tollgate-upload-error`, `tollgate-complete`. Slots: the default slot replaces the drop zone's
 * label; the `files` slot replaces the built-in file list. Every visual piece is a `::part()`
 * (`base`, `dropzone`, `dropzone-active`, `file`, `progress`, `finding`… — listed in the README).
 */
export class TollgateUpload extends LitElement {
  /** Makes the element a form control. */
  static formAssociated = true;
  /** @internal */
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };
  /** @internal */
  static override styles = styles;
  /** @internal */
  static override properties = {
    endpoint: {},
    accept: {},
    maxFileSize: { attribute: 'max-file-size' },
    maxFiles: { type: Number, attribute: 'max-files' },
    multiple: { type: Boolean },
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    concurrency: { type: Number },
    retries: { type: Number },
    retryDelay: { type: Number, attribute: 'retry-delay' },
    fieldName: { attribute: 'field-name' },
    withCredentials: { type: Boolean, attribute: 'with-credentials' },
    headers: { attribute: false },
    fields: { attribute: false },
    uploader: { attribute: false },
    messages: { attribute: false },
    _files: { state: true },
    _rejections: { state: true },
    _dragging: { state: true },
    _fieldsetDisabled: { state: true },
    _polite: { state: true },
    _assertive: { state: true },
  };

  /** Where files are POSTed (multipart, one request per file). */
  declare endpoint: string;
  /** Accepted types, as for `<input accept>`: extensions and MIME types, comma-separated. */
  declare accept: string;
  /** Size limit per file: `10MB`, `500KB`, or bytes (`KB` = 1024 bytes). Empty: no limit. */
  declare maxFileSize: string;
  /** Maximum number of files in the list (0: no limit). */
  declare maxFiles: number;
  /** Allow several files; without it a new file replaces the old one. */
  declare multiple: boolean;
  /** The form field name under which the document ids are submitted. */
  declare name: string;
  /** A document must be uploaded for the form to be valid. */
  declare required: boolean;
  /** No new files can be added. */
  declare disabled: boolean;
  /** How many files upload at the same time (default 2). */
  declare concurrency: number;
  /** Automatic retries after a network error or a 5xx (default 2; 0 turns them off). */
  declare retries: number;
  /** Delay before the first automatic retry in ms, doubled for each next one (default 1000). */
  declare retryDelay: number;
  /** Multipart field name of the file (default `file`). */
  declare fieldName: string;
  /** Send cookies with cross-origin uploads. */
  declare withCredentials: boolean;
  /** Request headers such as `Authorization` (property only). */
  declare headers: UploadHeaders;
  /** Extra multipart fields sent with each file (property only). */
  declare fields: Record<string, string | Blob>;
  /** Replaces the built-in XHR upload (property only). */
  declare uploader: UploadFunction;
  /** Strings, a locale or a partial override of English (property only). */
  declare messages: Partial<UploadMessages>;
  /** Picks the document id from a server answer (property only). */
  documentId: (result: UploadResult) => string | undefined = defaultDocumentId;

  declare private _files: UploadFile[];
  declare private _rejections: UploadRejection[];
  declare private _dragging: boolean;
  declare private _fieldsetDisabled: boolean;
  declare private _polite: string[];
  declare private _assertive: string[];
  readonly #internals = this.attachInternals();
  readonly #controllers = new Map<string, AbortController>();
  #dragDepth = 0;
  #busy = false;

  constructor() {
    super();
    this.endpoint = '/uploads';
    this.accept = '';
    this.maxFileSize = '';
    this.maxFiles = 0;
    this.multiple = false;
    this.name = '';
    this.required = false;
    this.disabled = false;
    this.concurrency = 2;
    this.retries = 2;
    this.retryDelay = 1000;
    this.fieldName = 'file';
    this.withCredentials = false;
    this.headers = {};
    this.fields = {};
    this.uploader = xhrUpload;
    this.messages = {};
    this._files = [];
    this._rejections = [];
    this._dragging = false;
    this._fieldsetDisabled = false;
    this._polite = [];
    this._assertive = [];
  }

  /** The files in the list, with their state. */
  get files(): readonly UploadFile[] {
    return this._files;
  }

  /** The ids of the uploaded documents: what the form submits. */
  get value(): string[] {
    return this._files.flatMap((f) =>
      f.status === 'success' && f.documentId ? [f.documentId] : [],
    );
  }

  /** The form the element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** The element's validity state. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /** The message shown when the element is invalid. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  /** Checks validity without showing a message. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Checks validity and shows the browser's message when invalid. */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Adds files as if the user had picked them: restrictions apply, uploads start. */
  addFiles(files: Iterable<File>): void {
    const m = this.#m;
    const list = [...files];
    const rejections: UploadRejection[] = [];
    const accepted: UploadFile[] = [];
    const maxSize = parseFileSize(this.maxFileSize);
    const max = this.multiple ? this.maxFiles || Infinity : 1;
    const kept = this.multiple ? this._files.length : 0;
    const types = this.#types;
    for (const file of list) {
      const reject = (reason: UploadRejection['reason'], message: string) =>
        rejections.push({ file, reason, message });
      if (!matchesAccept(file, this.accept)) reject('file-type', m.rejectType(file.name, types));
      else if (file.size === 0) reject('file-empty', m.rejectEmpty(file.name));
      else if (file.size > maxSize)
        reject(
          'file-too-large',
          m.rejectSize(file.name, this.#bytes(file.size), this.#bytes(maxSize)),
        );
      else if (kept + accepted.length >= max)
        reject('too-many-files', m.rejectCount(file.name, max));
      else accepted.push({ id: `f${++seq}`, file, status: 'queued', progress: 0, attempts: 0 });
    }
    this._rejections = rejections;
    if (rejections.length) {
      this.#emit('tollgate-reject', { rejections });
      this.#announce(false, rejections.map((r) => r.message).join(' '));
    }
    if (!accepted.length || !this.#emit('tollgate-select', { files: accepted }, true)) return;
    if (!this.multiple) this.#drop(() => true);
    this._files = [...this._files, ...accepted];
    if (!this.#busy) this.#announce(true, m.announceStart(accepted.length));
    this.#pump();
  }

  /** Cancels one file's upload (or removes it, when it is done) and takes it out of the list. */
  cancel(id: string): void {
    this.#drop((f) => f.id === id);
  }

  /** Cancels every upload still queued or running and takes those files out of the list. */
  cancelAll(): void {
    this.#drop((f) => f.status === 'queued' || f.status === 'uploading');
  }

  /** Uploads a failed file again. */
  retry(id: string): void {
    const f = this._files.find((x) => x.id === id);
    if (f?.status !== 'error') return;
    Object.assign(f, { status: 'queued', attempts: 0, progress: 0, error: undefined });
    this.#changed();
    this.#pump();
  }

  /** Empties the list, cancelling running uploads. */
  clear(): void {
    this.#busy = false;
    this.#drop(() => true);
    this._rejections = [];
    this._polite = [];
    this._assertive = [];
  }

  /** @internal */
  formResetCallback(): void {
    this.clear();
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this._fieldsetDisabled = disabled;
  }

  get #m(): UploadMessages {
    return { ...en, ...this.messages };
  }

  get #off(): boolean {
    return this.disabled || this._fieldsetDisabled;
  }

  get #types(): string {
    return this.accept
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
      .join(', ');
  }

  get #overall(): number {
    let total = 0;
    let done = 0;
    for (const f of this._files) {
      if (f.status === 'error') continue;
      total += f.file.size;
      done += f.file.size * f.progress;
    }
    return total ? Math.round((done / total) * 100) : 0;
  }

  #bytes(n: number): string {
    let i = 0;
    while (n >= 1024 && i < 3) {
      n /= 1024;
      i++;
    }
    return new Intl.NumberFormat(this.#m.lang, {
      style: 'unit',
      unit: UNITS[i],
      maximumFractionDigits: i ? 1 : 0,
    }).format(n);
  }

  #percent(p: number): string {
    return new Intl.NumberFormat(this.#m.lang, { style: 'percent' }).format(p / 100);
  }

  #emit<K extends keyof TollgateUploadEventMap>(
    type: K,
    detail: TollgateUploadEventMap[K]['detail'],
    cancelable = false,
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }

  /**
   * Appends to a live region. Each message is a new node in a region that is not atomic, and
   * nodes already there never change, so a screen reader reads each message once.
   */
  #announce(polite: boolean, text: string): void {
    if (polite) this._polite = [...this._polite, text];
    else this._assertive = [...this._assertive, text];
  }

  #drop(which: (f: UploadFile) => boolean): void {
    for (const f of this._files.filter(which)) {
      this.#controllers.get(f.id)?.abort();
      this.#controllers.delete(f.id);
    }
    this._files = this._files.filter((f) => !which(f));
    this.#pump();
  }

  #changed(): void {
    this._files = [...this._files];
  }

  #pump(): void {
    let active = this._files.filter((f) => f.status === 'uploading').length;
    for (const f of this._files) {
      if (active >= this.concurrency) break;
      if (f.status === 'queued') {
        active++;
        void this.#run(f);
      }
    }
    if (active) {
      this.#busy = true;
    } else if (this.#busy) {
      this.#busy = false;
      const uploaded = this._files.filter((f) => f.status === 'success');
      const failed = this._files.filter((f) => f.status === 'error');
      this.#announce(true, this.#m.announceComplete(uploaded.length, failed.length));
      this.#emit('tollgate-complete', { uploaded, failed });
    }
  }

  async #run(f: UploadFile): Promise<void> {
    const controller = new AbortController();
    const { signal } = controller;
    this.#controllers.set(f.id, controller);
    f.status = 'uploading';
    this.#changed();
    for (;;) {
      f.attempts++;
      f.progress = 0;
      this.#emit('tollgate-upload-start', { file: f, attempt: f.attempts });
      const outcome = await this.#attempt(f, signal);
      if (signal.aborted) return;
      if ('result' in outcome) {
        if (f.progress < 1) this.#progress(f, 1);
        Object.assign(f, {
          status: 'success',
          result: outcome.result,
          documentId: this.documentId(outcome.result),
        });
        this.#emit('tollgate-upload-success', { file: f, result: outcome.result });
        this.#announce(true, this.#m.announceSuccess(f.file.name, this.#summary(outcome.result)));
        break;
      }
      const { error } = outcome;
      const willRetry = error.retryable && f.attempts <= this.retries;
      f.error = error;
      this.#emit('tollgate-upload-error', { file: f, error, willRetry });
      if (!willRetry) {
        f.status = 'error';
        this.#announce(false, this.#m.announceError(f.file.name, error.message));
        break;
      }
      const wait = Math.max(error.retryAfterMs ?? 0, this.retryDelay * 2 ** (f.attempts - 1));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });
      if (signal.aborted) return;
    }
    this.#controllers.delete(f.id);
    this.#changed();
    this.#pump();
  }

  async #attempt(
    f: UploadFile,
    signal: AbortSignal,
  ): Promise<{ result: UploadResult } | { error: UploadFailure }> {
    const m = this.#m;
    let res: UploadResponse;
    try {
      const headers = typeof this.headers === 'function' ? await this.headers() : this.headers;
      res = await this.uploader({
        url: this.endpoint,
        file: f.file,
        fieldName: this.fieldName,
        fields: this.fields,
        headers,
        withCredentials: this.withCredentials,
        signal,
        onProgress: (loaded, total) => this.#progress(f, total ? loaded / total : 0),
      });
    } catch {
      return { error: { kind: 'network', message: m.networkError, retryable: true } };
    }
    const { status, body } = res;
    if (status >= 200 && status < 300) {
      const result = (Array.isArray(body) ? body[0] : body) as UploadResult;
      return { result: { ...result, findings: isObject(result) ? (result.findings ?? []) : [] } };
    }
    const p =
      isObject(body) && typeof body.title === 'string' ? (body as unknown as Problem) : undefined;
    return {
      error: {
        kind: 'http',
        status,
        ...(p && { problem: p }),
        message: p?.detail ?? p?.title ?? m.httpError(status),
        retryable: status >= 500,
        ...(res.retryAfterMs && { retryAfterMs: res.retryAfterMs }),
      },
    };
  }

  #progress(f: UploadFile, fraction: number): void {
    f.progress = Math.min(1, Math.max(f.progress, fraction));
    this.#emit('tollgate-upload-progress', {
      file: f,
      percent: Math.round(f.progress * 100),
      overall: this.#overall,
    });
    this.#changed();
  }

  #summary(r: UploadResult): string {
    const errors = r.findings.filter((x) => x.severity === 'error').length;
    return this.#m.findings(errors, r.findings.length - errors);
  }

  #pick = (): void => {
    if (!this.#off) this.renderRoot.querySelector('input')?.click();
  };

  #onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#pick();
    }
  };

  #onChange = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    if (input.files) this.addFiles(input.files);
    input.value = '';
  };

  #onDrag = (e: DragEvent): void => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = this.#off ? 'none' : 'copy';
    if (e.type === 'dragenter') this.#dragDepth++;
    if (e.type === 'dragleave') this.#dragDepth--;
    if (e.type === 'drop') this.#dragDepth = 0;
    this._dragging = this.#dragDepth > 0 && !this.#off;
    if (e.type === 'drop' && !this.#off && e.dataTransfer) this.addFiles(e.dataTransfer.files);
  };

  #onPaste = (e: ClipboardEvent): void => {
    const files = e.clipboardData?.files;
    if (files?.length && !this.#off) {
      e.preventDefault();
      this.addFiles(files);
    }
  };

  protected override updated(): void {
    const m = this.#m;
    const ids = this.value;
    let data: FormData | null = null;
    if (this.name) {
      data = new FormData();
      for (const id of ids) data.append(this.name, id);
    }
    this.#internals.setFormValue(data);
    const anchor = this.renderRoot.querySelector<HTMLElement>('[part~=dropzone]') ?? undefined;
    const pending = this._files.some((f) => f.status === 'queued' || f.status === 'uploading');
    if (pending) this.#internals.setValidity({ customError: true }, m.pending, anchor);
    else if (this.required && !ids.length)
      this.#internals.setValidity({ valueMissing: true }, m.valueMissing, anchor);
    else this.#internals.setValidity({});
    const states = this.#internals.states;
    for (const [state, on] of [
      ['dragging', this._dragging],
      ['uploading', pending],
    ] as const) {
      if (on) states.add(state);
      else states.delete(state);
    }
  }

  protected override render(): TemplateResult {
    const m = this.#m;
    const off = this.#off;
    const limit = parseFileSize(this.maxFileSize);
    const hint = [
      this.accept && m.acceptHint(this.#types),
      limit < Infinity && m.sizeHint(this.#bytes(limit)),
      this.multiple && this.maxFiles > 0 && m.countHint(this.maxFiles),
    ]
      .filter(Boolean)
      .join(' · ');
    const busy = this._files.some((f) => f.status === 'queued' || f.status === 'uploading');
    const overall = this.#overall;
    return html`<div part="base" dir=${m.dir} lang=${m.lang}>
      <div
        part="dropzone${this._dragging ? ' dropzone-active' : ''}"
        role="button"
        tabindex=${off ? -1 : 0}
        aria-disabled=${off}
        aria-describedby=${hint ? 'hint' : nothing}
        @click=${this.#pick}
        @keydown=${this.#onKey}
        @dragenter=${this.#onDrag}
        @dragover=${this.#onDrag}
        @dragleave=${this.#onDrag}
        @drop=${this.#onDrag}
        @paste=${this.#onPaste}
      >
        <span part="prompt"><slot>${this._dragging ? m.dropHere : m.prompt}</slot></span>
      </div>
      ${hint ? html`<span part="hint" id="hint">${hint}</span>` : nothing}
      <input
        type="file"
        hidden
        tabindex="-1"
        accept=${this.accept || nothing}
        ?multiple=${this.multiple}
        ?disabled=${off}
        @change=${this.#onChange}
      />
      ${
        this._rejections.length
          ? html`<ul part="rejections">
            ${this._rejections.map((r) => html`<li part="rejection">${r.message}</li>`)}
          </ul>`
          : nothing
      }
      ${
        busy
          ? html`<div part="overall">
            <span part="overall-label">${m.overall(this.#percent(overall))}</span>
            <button part="button cancel-all-button" type="button" @click=${() => this.cancelAll()}>
              ${m.cancelAll}
            </button>
            ${this.#bar(overall, m.overall('').trim(), 'overall-progress')}
          </div>`
          : nothing
      }
      <slot name="files">
        ${
          this._files.length
            ? html`<ul part="files" aria-label=${m.files}>
              ${this._files.map((f) => this.#row(f, m, off))}
            </ul>`
            : nothing
        }
      </slot>
      <div part="announcer" class="sr" aria-live="polite" aria-atomic="false">
        ${this._polite.map((t) => html`<div>${t}</div>`)}
      </div>
      <div part="alerts" class="sr" aria-live="assertive" aria-atomic="false">
        ${this._assertive.map((t) => html`<div>${t}</div>`)}
      </div>
    </div>`;
  }

  #bar(percent: number, label: string, part: string): TemplateResult {
    return html`<div
      part=${part}
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
    >
      <div part="progress-bar" style=${styleMap({ inlineSize: `${percent}%` })}></div>
    </div>`;
  }

  #row(f: UploadFile, m: UploadMessages, off: boolean): TemplateResult {
    const percent = Math.round(f.progress * 100);
    const r = f.result;
    const status =
      f.status === 'queued'
        ? m.queued
        : f.status === 'uploading'
          ? m.uploading(this.#percent(percent))
          : f.status === 'error'
            ? m.failed
            : r
              ? this.#summary(r)
              : m.uploaded;
    const button = (part: string, label: string, action: () => void, disabled = false) =>
      html`<button
        part="button ${part}"
        type="button"
        aria-describedby="n-${f.id}"
        ?disabled=${disabled}
        @click=${action}
      >
        ${label}
      </button>`;
    const active = f.status === 'queued' || f.status === 'uploading';
    const invalid = r?.findings.some((x) => x.severity === 'error') ? ' file-invalid' : '';
    return html`<li part="file file-${f.status}${invalid}">
      <span part="file-head">
        <span part="file-name" id="n-${f.id}">${f.file.name}</span>
        <span part="file-size">${this.#bytes(f.file.size)}</span>
        <span part="file-status">${status}</span>
      </span>
      <span part="actions">
        ${f.status === 'error' ? button('retry-button', m.retry, () => this.retry(f.id), off) : nothing}
        ${
          active
            ? button('cancel-button', m.cancel, () => this.cancel(f.id))
            : button('remove-button', m.remove, () => this.cancel(f.id), off)
        }
      </span>
      ${active ? this.#bar(percent, f.file.name, 'progress') : nothing}
      ${f.error && f.status === 'error' ? html`<span part="file-message">${f.error.message}</span>` : nothing}
      ${
        r?.findings.length
          ? html`<ul part="findings">
            ${r.findings.map(
              (x) => html`<li part="finding finding-${x.severity}">
                <strong part="finding-severity">${x.severity === 'error' ? m.error : m.warning}</strong>
                <code part="finding-code">${x.code}</code>
                ${x.field ? html`<span part="finding-field">${x.field}</span>` : nothing}
                <span part="finding-message">${x.message}</span>
              </li>`,
            )}
          </ul>`
          : nothing
      }
      ${r ? html`<span part="billing">${r.billing_recorded ? m.billed : m.notBilled}</span>` : nothing}
    </li>`;
  }
}

if (!customElements.get('tollgate-upload'))
  customElements.define('tollgate-upload', TollgateUpload);

declare global {
  interface HTMLElementTagNameMap {
    'tollgate-upload': TollgateUpload;
  }
  interface HTMLElementEventMap extends TollgateUploadEventMap {}
}
