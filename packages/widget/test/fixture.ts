/** Test helpers: mount the element, read its shadow DOM, record its events, make files. */
import '../src/index.js';
import type { TollgateUpload, TollgateUploadEventMap } from '../src/index.js';

/** Mounts `<tollgate-upload>` from markup (inside whatever wraps it) and waits for its render. */
export async function mount(markup: string): Promise<TollgateUpload> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const el = host.querySelector('tollgate-upload');
  if (!el) throw new Error('no <tollgate-upload> in the markup');
  await el.updateComplete;
  return el;
}

/** Removes everything mounted. */
export function unmountAll(): void {
  document.body.replaceChildren();
}

/** The first shadow element matching `selector`. */
export function part<T extends Element = HTMLElement>(el: TollgateUpload, selector: string): T {
  const found = el.renderRoot.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** All shadow elements matching `selector`. */
export function parts<T extends Element = HTMLElement>(el: TollgateUpload, selector: string): T[] {
  return [...el.renderRoot.querySelectorAll<T>(selector)];
}

/** Text content, whitespace collapsed. */
export const text = (node: Element): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every event of the element in the order it came. */
export function record(el: TollgateUpload) {
  const seen: { type: keyof TollgateUploadEventMap; detail: never }[] = [];
  const types: (keyof TollgateUploadEventMap)[] = [
    'tollgate-select',
    'tollgate-reject',
    'tollgate-upload-start',
    'tollgate-upload-progress',
    'tollgate-upload-success',
    'tollgate-upload-error',
    'tollgate-complete',
  ];
  for (const type of types) {
    el.addEventListener(type, (e) =>
      seen.push({ type, detail: (e as CustomEvent).detail as never }),
    );
  }
  return {
    seen,
    types: () => seen.map((e) => e.type),
    of: <K extends keyof TollgateUploadEventMap>(type: K) =>
      seen
        .filter((e) => e.type === type)
        .map((e) => e.detail as TollgateUploadEventMap[K]['detail']),
  };
}

/** Resolves with the detail of the element's next `type` event. */
export function next<K extends keyof TollgateUploadEventMap>(
  el: TollgateUpload,
  type: K,
): Promise<TollgateUploadEventMap[K]['detail']> {
  return new Promise((resolve) =>
    el.addEventListener(type, (e) => resolve(e.detail), { once: true }),
  );
}

/** A file of `size` bytes. */
export function makeFile(name: string, size = 64, type = 'text/plain'): File {
  return new File([new Uint8Array(size).fill(65)], name, { type });
}

/** A `DataTransfer` carrying files, as a real drag or paste would. */
export function transfer(...files: File[]): DataTransfer {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  return dt;
}
