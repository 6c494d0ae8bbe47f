import { afterEach, expect, test, vi } from 'vitest';
import type { UploadProgressDetail } from '../src/index.js';
import { makeFile, mount, next, parts, record, unmountAll } from './fixture.js';

afterEach(unmountAll);

test('a real XHR upload reports progress in order, reaching 100%, then success and complete', async () => {
  const el = await mount('<tollgate-upload endpoint="/__upload/ok"></tollgate-upload>');
  const events = record(el);
  const bars = new Set<string>();
  el.addEventListener('tollgate-upload-progress', async () => {
    await el.updateComplete;
    for (const bar of parts(el, '[part~=progress]'))
      bars.add(bar.getAttribute('aria-valuenow') ?? '');
  });
  const complete = next(el, 'tollgate-complete');
  el.addFiles([makeFile('mt700.txt', 8 * 1024 * 1024)]);
  const { uploaded, failed } = await complete;

  const types = events.types();
  expect(types[0]).toBe('tollgate-select');
  expect(types[1]).toBe('tollgate-upload-start');
  expect(types.slice(-2)).toEqual(['tollgate-upload-success', 'tollgate-complete']);
  const progress = events.of('tollgate-upload-progress');
  expect(types.slice(2, -2).every((t) => t === 'tollgate-upload-progress')).toBe(true);
  // real intermediate steps from XMLHttpRequest.upload, not a single jump to 100
  expect(progress.filter((p) => p.percent > 0 && p.percent < 100).length).toBeGreaterThan(0);
  const percents = progress.map((p) => p.percent);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(percents.at(-1)).toBe(100);
  expect(progress.at(-1)?.overall).toBe(100);
  expect([...bars].some((v) => Number(v) > 0 && Number(v) < 100)).toBe(true);

  expect(failed).toEqual([]);
  expect(uploaded[0]?.documentId).toMatch(/^doc_\d+$/);
  expect(uploaded[0]?.result?.session_id).toMatch(/^ses_\d+$/);
});

test('overall progress covers every file, and uploads run at most `concurrency` at a time', async () => {
  const el = await mount(
    '<tollgate-upload endpoint="/__upload/ok" multiple concurrency="2"></tollgate-upload>',
  );
  let running = 0;
  let most = 0;
  el.addEventListener('tollgate-upload-start', () => {
    running++;
    most = Math.max(most, running);
  });
  el.addEventListener('tollgate-upload-success', () => running--);
  const overall: number[] = [];
  el.addEventListener('tollgate-upload-progress', (e) => overall.push(e.detail.overall));
  const complete = next(el, 'tollgate-complete');
  el.addFiles([1, 2, 3, 4, 5].map((i) => makeFile(`f${i}.txt`, 1024 * 1024)));
  await el.updateComplete;
  expect(parts(el, '[part~=file-uploading]')).toHaveLength(2);
  expect(parts(el, '[part~=file-queued]')).toHaveLength(3);
  const { uploaded } = await complete;
  expect(uploaded).toHaveLength(5);
  expect(most).toBe(2);
  expect(overall.at(-1)).toBe(100);
  expect(overall.some((p) => p > 0 && p < 100)).toBe(true);
});

test('progress events bubble out of the shadow root and out of a host component', async () => {
  const el = await mount('<tollgate-upload endpoint="/__upload/ok"></tollgate-upload>');
  const seen: UploadProgressDetail[] = [];
  document.addEventListener('tollgate-upload-progress', (e) =>
    seen.push((e as CustomEvent<UploadProgressDetail>).detail),
  );
  const success = next(el, 'tollgate-upload-success');
  el.addFiles([makeFile('a.txt', 2048)]);
  await success;
  await vi.waitFor(() => expect(seen.at(-1)?.percent).toBe(100));
});
