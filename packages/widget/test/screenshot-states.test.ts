/**
 * Renders the widget in its five states side by side and photographs them in the real
 * browser. With `TOLLGATE_SCREENSHOTS=1` the pictures are written to `docs/` for the README
 * (`docs/widget-states.png`, `docs/widget-states-dark.png`); otherwise they are only taken.
 */

import { afterEach, expect, inject, test } from 'vitest';
import { commands, page } from 'vitest/browser';
import type { TollgateUpload, UploadFunction } from '../src/index.js';
import { makeFile, mount, next, part, unmountAll } from './fixture.js';

afterEach(async () => {
  unmountAll();
  await commands.emulateMedia({ colorScheme: null });
});

const hold: UploadFunction = ({ onProgress, signal }) => {
  onProgress(42, 100);
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
};

const answer =
  (status: number, body: unknown): UploadFunction =>
  async ({ onProgress }) => {
    onProgress(1, 1);
    return { status, body };
  };

async function gallery(): Promise<HTMLElement> {
  const attrs = 'multiple accept=".txt,.fin,.pdf" max-file-size="10MB" max-files="5"';
  const el = await mount(
    `<div id="gallery">${['Idle', 'Dragging over', 'Uploading', 'Done, with findings', 'Error']
      .map(
        (title) =>
          `<section><h2>${title}</h2><tollgate-upload ${attrs}></tollgate-upload></section>`,
      )
      .join('')}</div>`,
  );
  const root = el.closest('#gallery') as HTMLElement;
  Object.assign(root.style, {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 320px)',
    gap: '16px',
    padding: '16px',
    font: '14px system-ui, sans-serif',
  });
  const [, dragging, uploading, done, failed] = [
    ...root.querySelectorAll('tollgate-upload'),
  ] as TollgateUpload[];
  if (!dragging || !uploading || !done || !failed) throw new Error('five widgets expected');

  part(dragging, '[part~=dropzone]').dispatchEvent(new DragEvent('dragenter', { bubbles: true }));
  uploading.uploader = hold;
  uploading.addFiles([
    makeFile('MT700-LC-2291.fin', 180_000),
    makeFile('invoice.pdf', 420_000, 'application/pdf'),
  ]);
  done.uploader = answer(200, {
    session_id: 'ses_1',
    document: { id: 'doc_1' },
    findings: [
      {
        severity: 'error',
        code: 'MT700_MISSING_FIELD',
        message: 'Date and place of expiry is missing.',
        field: '31D',
      },
      {
        severity: 'warning',
        code: 'MT700_LATE_SHIPMENT',
        message: 'Latest shipment is after expiry.',
        field: '44C',
      },
    ],
    billing_recorded: true,
  });
  const checked = next(done, 'tollgate-complete');
  done.addFiles([makeFile('MT700-LC-2291.fin', 2_400)]);
  failed.uploader = answer(503, {
    type: 'https://tollgate.dev/problems/unavailable',
    title: 'Service unavailable',
    status: 503,
    detail: 'Validation is down; try again in a minute.',
    code: 'unavailable',
  });
  failed.retries = 0;
  const refused = next(failed, 'tollgate-complete');
  failed.addFiles([
    makeFile('bill-of-lading.pdf', 88_000, 'application/pdf'),
    makeFile('setup.exe', 10),
  ]);
  await Promise.all([checked, refused]);
  for (const w of [dragging, uploading, done, failed]) await w.updateComplete;
  return root;
}

test('the five states render and are photographed (light and dark)', async () => {
  const save = inject('writeScreenshots');
  for (const scheme of ['light', 'dark'] as const) {
    await commands.emulateMedia({ colorScheme: scheme });
    const root = await gallery();
    root.style.background = scheme === 'dark' ? '#010409' : '#ffffff';
    root.style.color = scheme === 'dark' ? '#e6edf3' : '#1f2328';
    const shot = await page.screenshot({
      element: root,
      save,
      ...(save && { path: `../../../docs/widget-states${scheme === 'dark' ? '-dark' : ''}.png` }),
    });
    // a path when saved, the PNG as base64 otherwise
    expect(save ? shot : atob(shot).slice(1, 4)).toMatch(save ? /widget-states/ : /^PNG$/);
    unmountAll();
  }
});
