import axe from 'axe-core';
import { afterEach, expect, test } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { TollgateUpload } from '../src/index.js';
import { makeFile, mount, next, part, parts, text, unmountAll } from './fixture.js';

afterEach(async () => {
  unmountAll();
  await commands.emulateMedia({ colorScheme: null, reducedMotion: null });
});

async function expectNoViolations(root: Element) {
  const { violations } = await axe.run(root, { resultTypes: ['violations'] });
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

/** Mounts a labelled field with one clean result, one with findings, one failure, one rejection. */
async function everyState(): Promise<TollgateUpload> {
  const el = await mount(
    '<main><h1>Upload</h1><tollgate-upload multiple accept=".txt" max-file-size="1MB" endpoint="/__upload/ok"></tollgate-upload></main>',
  );
  let n = 0;
  el.uploader = async ({ file }) =>
    ++n === 3
      ? {
          status: 422,
          body: { type: 'about:blank', title: 'Unsupported', status: 422, detail: 'Not an MT700.' },
        }
      : {
          status: 200,
          body: {
            session_id: `s${n}`,
            document: `d${n}`,
            findings: file.name.includes('findings')
              ? [
                  { severity: 'error', code: 'E1', message: 'Missing 31D', field: '31D' },
                  { severity: 'warning', code: 'W1', message: 'Late' },
                ]
              : [],
            billing_recorded: true,
          },
        };
  const done = next(el, 'tollgate-complete');
  el.addFiles([
    makeFile('ok.txt'),
    makeFile('findings.txt'),
    makeFile('bad.txt'),
    makeFile('x.exe'),
  ]);
  await done;
  await el.updateComplete;
  return el;
}

test('axe finds no violations: idle, dragging, disabled', async () => {
  const el = await mount(
    '<main><tollgate-upload accept=".pdf" max-file-size="5MB"></tollgate-upload></main>',
  );
  await expectNoViolations(document.body);
  part(el, '[part~=dropzone]').dispatchEvent(new DragEvent('dragenter', { bubbles: true }));
  await el.updateComplete;
  await expectNoViolations(document.body);
  el.disabled = true;
  await el.updateComplete;
  await expectNoViolations(document.body);
});

test('axe finds no violations with results, findings, a failure and a rejection, light and dark', async () => {
  await everyState();
  await expectNoViolations(document.body);
  // reduced motion too, so axe does not sample colours halfway through a transition
  await commands.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  Object.assign(document.body.style, { background: '#0d1117', color: '#e6edf3' });
  await expectNoViolations(document.body);
  Object.assign(document.body.style, { background: '', color: '' });
});

test('axe finds no violations while uploading', async () => {
  const el = await mount(
    '<main><tollgate-upload endpoint="/__upload/hang" multiple concurrency="1"></tollgate-upload></main>',
  );
  el.addFiles([makeFile('a.txt'), makeFile('b.txt')]);
  await el.updateComplete;
  await expectNoViolations(document.body);
});

test('roles and names: the drop zone is a named button, each progress bar and action is named', async () => {
  const el = await mount(
    '<tollgate-upload endpoint="/__upload/hang" accept=".txt"></tollgate-upload>',
  );
  await expect
    .element(page.getByRole('button', { name: 'Drop files here, paste them, or press to choose' }))
    .toHaveAccessibleDescription('Accepted: .txt');
  el.addFiles([makeFile('lc.txt')]);
  await expect.element(page.getByRole('progressbar', { name: 'lc.txt' })).toBeInTheDocument();
  await expect
    .element(page.getByRole('progressbar', { name: 'Overall progress' }))
    .toBeInTheDocument();
  await expect
    .element(page.getByRole('button', { name: 'Cancel', exact: true }))
    .toHaveAccessibleDescription('lc.txt');
  await expect.element(page.getByRole('list', { name: 'Files' })).toBeInTheDocument();
});

test('progress is announced politely, each message once; no percentages are spoken', async () => {
  const el = await mount(
    '<tollgate-upload endpoint="/__upload/ok" multiple concurrency="1"></tollgate-upload>',
  );
  const region = part(el, '[aria-live=polite]');
  expect(region.getAttribute('aria-atomic')).toBe('false');
  expect(region.getAttribute('role')).toBeNull(); // role=status would make it atomic
  const spoken: string[] = [];
  const watcher = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) if (node instanceof HTMLElement) spoken.push(text(node));
      if (r.type === 'characterData') spoken.push(`changed: ${r.target.textContent}`);
    }
  });
  watcher.observe(region, { childList: true, subtree: true, characterData: true });
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('a.txt', 256 * 1024), makeFile('b.txt', 256 * 1024)]);
  await done;
  await el.updateComplete;
  watcher.disconnect();
  expect(spoken).toEqual([
    'Uploading 2 files.',
    'a.txt: Uploaded, no findings.',
    'b.txt: Uploaded, no findings.',
    'Uploads finished: 2 uploaded, 0 failed.',
  ]);
});

test('rejections and failures are announced assertively', async () => {
  const el = await mount(
    '<tollgate-upload endpoint="/__upload/invalid" accept=".txt"></tollgate-upload>',
  );
  el.addFiles([makeFile('a.exe')]);
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('a.txt')]);
  await done;
  await el.updateComplete;
  expect(parts(el, '[aria-live=assertive] > div').map(text)).toEqual([
    'a.exe: this type of file is not accepted (accepted: .txt).',
    'a.txt failed: a.txt is not an MT700 or a PDF.',
  ]);
});

test('focus is visible on the drop zone', async () => {
  const el = await mount('<tollgate-upload></tollgate-upload>');
  await userEvent.tab();
  const zone = part(el, '[part~=dropzone]');
  expect(el.shadowRoot?.activeElement).toBe(zone);
  const style = getComputedStyle(zone);
  expect(style.outlineStyle).toBe('solid');
  expect(style.outlineWidth).toBe('3px');
});

test('prefers-reduced-motion turns transitions off', async () => {
  const el = await mount('<tollgate-upload endpoint="/__upload/hang"></tollgate-upload>');
  el.addFiles([makeFile('a.txt')]);
  await el.updateComplete;
  const bar = part(el, '[part~=progress-bar]');
  expect(getComputedStyle(bar).transitionDuration).toBe('0.2s');
  expect(getComputedStyle(part(el, '[part~=dropzone]')).transitionDuration).toBe('0.15s, 0.15s');
  await commands.emulateMedia({ reducedMotion: 'reduce' });
  expect(getComputedStyle(bar).transitionDuration).toBe('0s');
  expect(getComputedStyle(part(el, '[part~=dropzone]')).transitionDuration).toBe('0s');
});
