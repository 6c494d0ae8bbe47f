import { afterEach, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { makeFile, mount, next, part, parts, record, text, unmountAll } from './fixture.js';

afterEach(unmountAll);

const serverLog = async () =>
  (await (await fetch('/__upload/log')).json()) as { started: number; aborted: number };

test('cancel stops a running upload: the request is aborted and the file leaves the list', async () => {
  const el = await mount('<tollgate-upload endpoint="/__upload/hang"></tollgate-upload>');
  const events = record(el);
  const before = await serverLog();
  const started = next(el, 'tollgate-upload-start');
  el.addFiles([makeFile('slow.txt', 512 * 1024)]);
  const { file } = await started;
  await vi.waitFor(async () => expect((await serverLog()).started).toBe(before.started + 1));
  await el.updateComplete;
  await userEvent.click(part(el, '[part~=cancel-button]'));
  await el.updateComplete;
  expect(el.files).toHaveLength(0);
  expect(parts(el, '[part~=file]')).toHaveLength(0);
  await vi.waitFor(async () => expect((await serverLog()).aborted).toBe(before.aborted + 1));
  expect(events.types()).not.toContain('tollgate-upload-success');
  expect(events.types()).not.toContain('tollgate-upload-error');
  expect(events.of('tollgate-complete')).toEqual([{ uploaded: [], failed: [] }]);
  expect(file.status).toBe('uploading');
});

test('cancel all stops running and queued uploads', async () => {
  const el = await mount(
    '<tollgate-upload endpoint="/__upload/hang" multiple concurrency="1"></tollgate-upload>',
  );
  const events = record(el);
  el.addFiles([makeFile('1.txt'), makeFile('2.txt'), makeFile('3.txt')]);
  await el.updateComplete;
  expect(parts(el, '[part~=file-queued]')).toHaveLength(2);
  await userEvent.click(part(el, '[part~=cancel-all-button]'));
  await el.updateComplete;
  expect(el.files).toHaveLength(0);
  // the queued files never started
  expect(events.of('tollgate-upload-start')).toHaveLength(1);
});

test('a 503 is retried automatically with backoff, then succeeds', async () => {
  const key = crypto.randomUUID();
  const el = await mount(
    `<tollgate-upload endpoint="/__upload/flaky?key=${key}" retry-delay="20"></tollgate-upload>`,
  );
  const events = record(el);
  const complete = next(el, 'tollgate-complete');
  el.addFiles([makeFile('mt700.txt', 4096)]);
  const { uploaded } = await complete;
  expect(uploaded).toHaveLength(1);
  const error = events.of('tollgate-upload-error')[0];
  expect(error?.willRetry).toBe(true);
  expect(error?.error).toMatchObject({ kind: 'http', status: 503, retryable: true });
  expect(error?.error.problem?.code).toBe('unavailable');
  expect(events.of('tollgate-upload-start').map((s) => s.attempt)).toEqual([1, 2]);
  expect(events.types().filter((t) => t !== 'tollgate-upload-progress')).toEqual([
    'tollgate-select',
    'tollgate-upload-start',
    'tollgate-upload-error',
    'tollgate-upload-start',
    'tollgate-upload-success',
    'tollgate-complete',
  ]);
});

test('when automatic retries run out the file fails; the Retry button uploads it again', async () => {
  const key = crypto.randomUUID();
  const el = await mount(
    `<tollgate-upload endpoint="/__upload/flaky?key=${key}" retries="0"></tollgate-upload>`,
  );
  const failed = next(el, 'tollgate-complete');
  el.addFiles([makeFile('mt700.txt', 4096)]);
  expect((await failed).failed).toHaveLength(1);
  await el.updateComplete;
  expect(text(part(el, '[part~=file-status]'))).toBe('Failed');
  expect(text(part(el, '[part~=file-message]'))).toBe('Try again.');
  const done = next(el, 'tollgate-complete');
  await userEvent.click(part(el, '[part~=retry-button]'));
  expect((await done).uploaded).toHaveLength(1);
  expect(el.files[0]?.status).toBe('success');
});

test('a network error is retried; a 4xx is not', async () => {
  let calls = 0;
  const el = await mount('<tollgate-upload retry-delay="1" retries="2"></tollgate-upload>');
  el.uploader = async () => {
    calls++;
    throw new TypeError('offline');
  };
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('a.txt')]);
  const { failed } = await done;
  expect(calls).toBe(3);
  expect(failed[0]?.error).toMatchObject({
    kind: 'network',
    message: 'The server could not be reached.',
  });

  const other = await mount('<tollgate-upload endpoint="/__upload/invalid"></tollgate-upload>');
  const events = record(other);
  const failedOnce = next(other, 'tollgate-complete');
  other.addFiles([makeFile('b.txt')]);
  await failedOnce;
  expect(events.of('tollgate-upload-start')).toHaveLength(1);
  expect(events.of('tollgate-upload-error')[0]?.willRetry).toBe(false);
});
