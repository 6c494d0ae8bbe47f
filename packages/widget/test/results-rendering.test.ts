import { afterEach, expect, test } from 'vitest';
import { makeFile, mount, next, part, parts, text, unmountAll } from './fixture.js';

afterEach(unmountAll);

test('a validation answer shows its findings, their codes and fields, and billing', async () => {
  const el = await mount('<tollgate-upload endpoint="/__upload/ok" multiple></tollgate-upload>');
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('lc-findings.txt', 300), makeFile('lc-clean.txt', 300)]);
  await done;
  await el.updateComplete;
  const [bad, good] = parts(el, '[part~=file]') as [HTMLElement, HTMLElement];
  expect(bad.getAttribute('part')).toBe('file file-success file-invalid');
  expect(good.getAttribute('part')).toBe('file file-success');
  expect(text(part(el, '[part~=file-status]'))).toBe('1 error, 1 warning');
  const findings = [...bad.querySelectorAll('[part~=finding]')];
  expect(findings.map((f) => f.getAttribute('part'))).toEqual([
    'finding finding-error',
    'finding finding-warning',
  ]);
  expect(text(findings[0] as Element)).toBe(
    'Error MT700_MISSING_FIELD 31D Date and place of expiry is missing.',
  );
  expect(text(bad.querySelector('[part~=billing]') as Element)).toBe('Not billed');
  expect(text(good.querySelector('[part~=file-status]') as Element)).toBe('Uploaded, no findings');
  expect(text(good.querySelector('[part~=billing]') as Element)).toBe('Billed');
  expect(good.querySelector('[part~=findings]')).toBeNull();
});

test('a problem+json answer shows its detail; the status is Failed', async () => {
  const el = await mount('<tollgate-upload endpoint="/__upload/invalid"></tollgate-upload>');
  const error = next(el, 'tollgate-upload-error');
  el.addFiles([makeFile('notes.txt')]);
  const { error: failure } = await error;
  expect(failure).toMatchObject({
    kind: 'http',
    status: 422,
    retryable: false,
    problem: { code: 'unsupported-document', title: 'Unsupported document' },
  });
  await el.updateComplete;
  expect(part(el, '[part~=file]').getAttribute('part')).toBe('file file-error');
  expect(text(part(el, '[part~=file-message]'))).toBe('notes.txt is not an MT700 or a PDF.');
  expect(parts(el, '[part~=retry-button]')).toHaveLength(1);
});

test('a non-problem error answer falls back to the status message', async () => {
  const el = await mount('<tollgate-upload></tollgate-upload>');
  el.uploader = async () => ({ status: 413, body: 'Too large' });
  const error = next(el, 'tollgate-upload-error');
  el.addFiles([makeFile('x.txt')]);
  expect((await error).error.message).toBe('The server answered 413.');
});

test('an array answer (several files) is read for the file sent', async () => {
  const el = await mount('<tollgate-upload></tollgate-upload>');
  el.uploader = async () => ({
    status: 200,
    body: [{ session_id: 's1', document: { id: 'doc_a' }, findings: [], billing_recorded: true }],
  });
  const ok = next(el, 'tollgate-upload-success');
  el.addFiles([makeFile('x.txt')]);
  expect((await ok).file.documentId).toBe('doc_a');
});

test('headers, extra fields and the field name reach the upload function', async () => {
  const el = await mount(
    '<tollgate-upload endpoint="/api/up" field-name="document"></tollgate-upload>',
  );
  el.headers = async () => ({ Authorization: 'Bearer t0k3n' });
  el.fields = { tenant: 'acme' };
  let seen: unknown;
  el.uploader = async ({ url, fieldName, headers, fields }) => {
    seen = { url, fieldName, headers, fields };
    return {
      status: 200,
      body: { session_id: 's', document: 'd', findings: [], billing_recorded: false },
    };
  };
  const ok = next(el, 'tollgate-upload-success');
  el.addFiles([makeFile('x.txt')]);
  await ok;
  expect(seen).toEqual({
    url: '/api/up',
    fieldName: 'document',
    headers: { Authorization: 'Bearer t0k3n' },
    fields: { tenant: 'acme' },
  });
});

test('the host page can render results itself in the `files` slot', async () => {
  const el = await mount(
    '<tollgate-upload endpoint="/__upload/ok"><ol slot="files" id="mine"></ol></tollgate-upload>',
  );
  const mine = document.getElementById('mine') as HTMLOListElement;
  el.addEventListener('tollgate-upload-success', (e) => {
    const li = document.createElement('li');
    li.textContent = `${e.detail.file.file.name} → ${e.detail.file.documentId}`;
    mine.append(li);
  });
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('lc.txt')]);
  await done;
  await el.updateComplete;
  // the built-in list is only the slot's fallback: not shown once the host fills the slot
  expect(parts(el, '[part~=files]').every((list) => !list.checkVisibility())).toBe(true);
  expect(mine.textContent).toMatch(/^lc\.txt → doc_\d+$/);
});
