import axe from 'axe-core';
import { afterEach, expect, test } from 'vitest';
import { ar } from '../src/locales/ar.js';
import { makeFile, mount, next, part, text, unmountAll } from './fixture.js';

afterEach(unmountAll);

test('the Arabic locale renders right to left, with Arabic strings and Arabic number formats', async () => {
  const el = await mount(
    '<main><tollgate-upload endpoint="/__upload/hang" max-file-size="10MB" accept=".pdf"></tollgate-upload></main>',
  );
  el.messages = ar;
  await el.updateComplete;
  const base = part(el, '[part~=base]');
  expect(base.dir).toBe('rtl');
  expect(base.lang).toBe('ar');
  expect(getComputedStyle(part(el, '[part~=dropzone]')).direction).toBe('rtl');
  expect(text(part(el, '[part~=prompt]'))).toBe(ar.prompt);
  const mb = new Intl.NumberFormat('ar', {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
  expect(text(part(el, '[part~=hint]'))).toBe(
    `الأنواع المقبولة: .pdf · حتى ${mb.format(10)} لكل ملف`,
  );

  el.addFiles([makeFile('lc.pdf', 2048, 'application/pdf')]);
  await el.updateComplete;
  const percent = new Intl.NumberFormat('ar', { style: 'percent' }).format(0);
  expect(text(part(el, '[part~=file-status]'))).toBe(`جارٍ الرفع ${percent}`);
  // mirrored: the actions sit left of the file name, the bar fills from the right
  const name = part(el, '[part~=file-name]').getBoundingClientRect();
  const actions = part(el, '[part~=actions]').getBoundingClientRect();
  expect(actions.right).toBeLessThan(name.left);
  const track = part(el, '[part~=progress]').getBoundingClientRect();
  const fill = part(el, '[part~=progress-bar]').getBoundingClientRect();
  expect(Math.round(fill.right)).toBe(Math.round(track.right));

  const { violations } = await axe.run(document.body, { resultTypes: ['violations'] });
  expect(violations.map((v) => v.id)).toEqual([]);
});

test('a partial override changes one string and keeps English for the rest', async () => {
  const el = await mount('<tollgate-upload endpoint="/__upload/invalid"></tollgate-upload>');
  el.messages = { failed: 'Refused' };
  const done = next(el, 'tollgate-complete');
  el.addFiles([makeFile('a.txt')]);
  await done;
  await el.updateComplete;
  expect(text(part(el, '[part~=file-status]'))).toBe('Refused');
  expect(text(part(el, '[part~=retry-button]'))).toBe('Retry');
});
