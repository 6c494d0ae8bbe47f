import { afterEach, expect, test, vi } from 'vitest';
import { matchesAccept, parseFileSize } from '../src/index.js';
import { makeFile, mount, next, parts, text, unmountAll } from './fixture.js';

afterEach(unmountAll);

const ok = vi.fn(async () => ({
  status: 200,
  body: { session_id: 's', document: 'd', findings: [], billing_recorded: true },
}));

async function field(attrs: string) {
  const el = await mount(`<tollgate-upload ${attrs}></tollgate-upload>`);
  el.uploader = ok;
  return el;
}

const shown = (el: HTMLElement & { renderRoot: ParentNode }) =>
  [...el.renderRoot.querySelectorAll('[part~=rejection]')].map(text);

test('a type outside `accept` (by extension and by MIME) is refused with a message naming it', async () => {
  const el = await field('multiple accept=".txt,.fin,.pdf,image/*"');
  const rejected = next(el, 'tollgate-reject');
  el.addFiles([
    makeFile('lc.fin', 10, ''),
    makeFile('scan.png', 10, 'image/png'),
    makeFile('LC.PDF', 10, 'application/pdf'),
    makeFile('tool.exe', 10, 'application/octet-stream'),
    makeFile('photo', 10, 'video/mp4'),
  ]);
  const { rejections } = await rejected;
  expect(rejections.map((r) => [r.file.name, r.reason])).toEqual([
    ['tool.exe', 'file-type'],
    ['photo', 'file-type'],
  ]);
  await el.updateComplete;
  expect(shown(el)).toEqual([
    'tool.exe: this type of file is not accepted (accepted: .txt, .fin, .pdf, image/*).',
    'photo: this type of file is not accepted (accepted: .txt, .fin, .pdf, image/*).',
  ]);
  expect(el.files.map((f) => f.file.name)).toEqual(['lc.fin', 'scan.png', 'LC.PDF']);
});

test('a file over `max-file-size` is refused with its size and the limit', async () => {
  const el = await field('max-file-size="1KB"');
  const rejected = next(el, 'tollgate-reject');
  el.addFiles([makeFile('big.txt', 1536)]);
  expect((await rejected).rejections[0]?.reason).toBe('file-too-large');
  await el.updateComplete;
  expect(shown(el)).toEqual(['big.txt is 1.5 kB, over the 1 kB limit.']);
  expect(el.files).toHaveLength(0);
});

test('files past `max-files` are refused one by one, counting files already in the list', async () => {
  const el = await field('multiple max-files="3"');
  el.addFiles([makeFile('1.txt'), makeFile('2.txt')]);
  const rejected = next(el, 'tollgate-reject');
  el.addFiles([makeFile('3.txt'), makeFile('4.txt'), makeFile('5.txt')]);
  expect((await rejected).rejections.map((r) => r.reason)).toEqual([
    'too-many-files',
    'too-many-files',
  ]);
  await el.updateComplete;
  expect(shown(el)).toEqual([
    '4.txt was not added: at most 3 files.',
    '5.txt was not added: at most 3 files.',
  ]);
  expect(el.files).toHaveLength(3);
});

test('an empty file is refused', async () => {
  const el = await field('');
  const rejected = next(el, 'tollgate-reject');
  el.addFiles([makeFile('empty.txt', 0)]);
  expect((await rejected).rejections[0]?.reason).toBe('file-empty');
  await el.updateComplete;
  expect(shown(el)).toEqual(['empty.txt is empty.']);
});

test('the hint states the restrictions before anything is dropped', async () => {
  const el = await field('multiple accept=".pdf,image/*" max-file-size="10MB" max-files="5"');
  expect(text(parts(el, '[part~=hint]')[0] as Element)).toBe(
    'Accepted: .pdf, image/* · up to 10 MB each · at most 5 files',
  );
});

test('parseFileSize and matchesAccept read the attribute forms', () => {
  expect(parseFileSize('10MB')).toBe(10 * 1024 * 1024);
  expect(parseFileSize('500 kb')).toBe(500 * 1024);
  expect(parseFileSize('1.5GiB')).toBe(1.5 * 1024 ** 3);
  expect(parseFileSize('2048')).toBe(2048);
  expect(parseFileSize('')).toBe(Infinity);
  expect(parseFileSize('lots')).toBe(Infinity);
  expect(matchesAccept(makeFile('a.TXT'), '.txt')).toBe(true);
  expect(matchesAccept(makeFile('a', 1, 'image/jpeg'), 'image/*')).toBe(true);
  expect(matchesAccept(makeFile('a.pdf', 1, 'application/pdf'), 'application/pdf')).toBe(true);
  expect(matchesAccept(makeFile('a.doc'), '.txt, .pdf')).toBe(false);
  expect(matchesAccept(makeFile('a.doc'), '')).toBe(true);
});
