import { afterEach, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { makeFile, mount, next, part, record, text, transfer, unmountAll } from './fixture.js';

afterEach(unmountAll);

const uploader = vi.fn(async () => ({
  status: 200,
  body: { session_id: 's', document: 'doc_1', findings: [], billing_recorded: true },
}));

test('dropping files on the drop zone selects them; the zone shows it is a drop target', async () => {
  const el = await mount('<tollgate-upload multiple></tollgate-upload>');
  el.uploader = uploader;
  const events = record(el);
  const zone = part(el, '[part~=dropzone]');
  const dt = transfer(makeFile('a.txt'), makeFile('b.txt'));

  zone.dispatchEvent(
    new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }),
  );
  zone.dispatchEvent(
    new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
  );
  await el.updateComplete;
  expect(zone.getAttribute('part')).toBe('dropzone dropzone-active');
  expect(text(zone)).toContain('Drop to add the files');
  expect(el.matches(':state(dragging)')).toBe(true);

  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  await el.updateComplete;
  expect(zone.getAttribute('part')).toBe('dropzone');
  expect(events.of('tollgate-select')[0]?.files.map((f) => f.file.name)).toEqual([
    'a.txt',
    'b.txt',
  ]);
  await vi.waitFor(() => expect(el.files.map((f) => f.status)).toEqual(['success', 'success']));
});

test('dragging out of the zone clears the drop-target look', async () => {
  const el = await mount('<tollgate-upload></tollgate-upload>');
  const zone = part(el, '[part~=dropzone]');
  zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true }));
  await el.updateComplete;
  expect(zone.getAttribute('part')).toContain('dropzone-active');
  zone.dispatchEvent(new DragEvent('dragleave', { bubbles: true, cancelable: true }));
  await el.updateComplete;
  expect(zone.getAttribute('part')).toBe('dropzone');
});

test('the drop zone is focusable and opens the file picker with Enter, Space and click', async () => {
  const el = await mount('<tollgate-upload accept=".txt"></tollgate-upload>');
  const input = part<HTMLInputElement>(el, 'input[type=file]');
  const click = vi.spyOn(input, 'click').mockImplementation(() => {});
  const zone = part(el, '[part~=dropzone]');
  expect(zone.getAttribute('role')).toBe('button');
  expect(zone.tabIndex).toBe(0);

  await userEvent.tab();
  expect(el.shadowRoot?.activeElement).toBe(zone);
  await userEvent.keyboard('{Enter}');
  expect(click).toHaveBeenCalledTimes(1);
  await userEvent.keyboard(' ');
  expect(click).toHaveBeenCalledTimes(2);
  await userEvent.click(zone);
  expect(click).toHaveBeenCalledTimes(3);
  expect(input.accept).toBe('.txt');
});

test('files chosen in the picker are selected', async () => {
  const el = await mount('<tollgate-upload multiple></tollgate-upload>');
  el.uploader = uploader;
  const selected = next(el, 'tollgate-select');
  await userEvent.upload(part(el, 'input[type=file]'), [makeFile('lc.txt'), makeFile('bl.txt')]);
  expect((await selected).files.map((f) => f.file.name)).toEqual(['lc.txt', 'bl.txt']);
});

test('files pasted into the focused drop zone are selected', async () => {
  const el = await mount('<tollgate-upload></tollgate-upload>');
  el.uploader = uploader;
  const selected = next(el, 'tollgate-select');
  const paste = new ClipboardEvent('paste', {
    clipboardData: transfer(makeFile('pasted.txt')),
    bubbles: true,
    cancelable: true,
  });
  part(el, '[part~=dropzone]').dispatchEvent(paste);
  expect((await selected).files[0]?.file.name).toBe('pasted.txt');
  expect(paste.defaultPrevented).toBe(true);
});

test('preventDefault() on tollgate-select keeps the files out', async () => {
  const el = await mount('<tollgate-upload></tollgate-upload>');
  el.uploader = uploader;
  el.addEventListener('tollgate-select', (e) => e.preventDefault());
  el.addFiles([makeFile('vetoed.txt')]);
  await el.updateComplete;
  expect(el.files).toHaveLength(0);
});

test('without `multiple`, a new file replaces the previous one', async () => {
  const el = await mount('<tollgate-upload></tollgate-upload>');
  el.uploader = uploader;
  el.addFiles([makeFile('first.txt')]);
  el.addFiles([makeFile('second.txt')]);
  expect(el.files.map((f) => f.file.name)).toEqual(['second.txt']);
});
