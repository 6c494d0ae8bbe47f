import { afterEach, expect, test } from 'vitest';
import type { TollgateUpload } from '../src/index.js';
import { makeFile, mount, next, part, transfer, unmountAll } from './fixture.js';

afterEach(unmountAll);

async function inForm(attrs: string, before = '', after = '') {
  const el = await mount(
    `<form>${before}<tollgate-upload name="documents" ${attrs}></tollgate-upload>${after}</form>`,
  );
  return { el, form: el.closest('form') as HTMLFormElement };
}

const drop = (el: TollgateUpload, ...files: File[]) =>
  part(el, '[part~=dropzone]').dispatchEvent(
    new DragEvent('drop', { dataTransfer: transfer(...files), bubbles: true, cancelable: true }),
  );

test('inside a form the value is the uploaded document ids, under the element name', async () => {
  const { el, form } = await inForm('endpoint="/__upload/ok" multiple');
  expect(el.form).toBe(form);
  expect(new FormData(form).getAll('documents')).toEqual([]);
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('a.txt'), makeFile('b.txt')]);
  const { uploaded } = await done;
  await el.updateComplete;
  const ids = uploaded.map((f) => f.documentId);
  expect(new FormData(form).getAll('documents')).toEqual(ids);
  expect(el.value).toEqual(ids);
});

test('`required` takes part in the browser validation: invalid until a document is uploaded', async () => {
  const { el, form } = await inForm('endpoint="/__upload/ok" required');
  let submitted = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitted++;
  });
  expect(el.willValidate).toBe(true);
  expect(el.validity.valueMissing).toBe(true);
  expect(el.validationMessage).toBe('Please add at least one file.');
  expect(form.checkValidity()).toBe(false);
  expect(el.matches(':invalid')).toBe(true);
  form.requestSubmit();
  expect(submitted).toBe(0);

  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('a.txt')]);
  await el.updateComplete;
  await done;
  await el.updateComplete;
  expect(el.validity.valid).toBe(true);
  expect(form.checkValidity()).toBe(true);
  form.requestSubmit();
  expect(submitted).toBe(1);
});

test('the form is not valid while an upload is still running', async () => {
  const { el, form } = await inForm('endpoint="/__upload/hang"');
  el.addFiles([makeFile('a.txt')]);
  await el.updateComplete;
  expect(el.validity.customError).toBe(true);
  expect(el.validationMessage).toBe('Please wait until the uploads finish.');
  expect(form.checkValidity()).toBe(false);
  el.cancelAll();
  await el.updateComplete;
  expect(form.checkValidity()).toBe(true);
});

test('form.reset() clears the files and the value', async () => {
  const { el, form } = await inForm('endpoint="/__upload/ok"');
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('a.txt')]);
  await done;
  await el.updateComplete;
  expect(new FormData(form).getAll('documents')).toHaveLength(1);
  form.reset();
  await el.updateComplete;
  expect(el.files).toHaveLength(0);
  expect(new FormData(form).getAll('documents')).toEqual([]);
});

test('`disabled` (its own or a fieldset’s) refuses new files and leaves the form value out', async () => {
  const { el, form } = await inForm('endpoint="/__upload/ok"');
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('a.txt')]);
  await done;
  el.disabled = true;
  await el.updateComplete;
  expect(el.matches(':disabled')).toBe(true);
  const zone = part(el, '[part~=dropzone]');
  expect(zone.getAttribute('aria-disabled')).toBe('true');
  expect(zone.tabIndex).toBe(-1);
  drop(el, makeFile('b.txt'));
  await el.updateComplete;
  expect(el.files).toHaveLength(1);
  expect(new FormData(form).getAll('documents')).toEqual([]);

  el.disabled = false;
  const { el: inner } = await inForm('', '<fieldset disabled>', '</fieldset>');
  await inner.updateComplete;
  expect(part(inner, '[part~=dropzone]').getAttribute('aria-disabled')).toBe('true');
  drop(inner, makeFile('c.txt'));
  expect(inner.files).toHaveLength(0);
});
