/**
 * `pnpm --filter @tollgate/widget size`: bundles `<tollgate-upload>` with esbuild (minified
 * ESM, production Lit) and prints its gzip size without and with Lit, against the budgets.
 * Prints a Markdown table for docs/benchmarks.md; exits non-zero when a budget is exceeded.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const KB = 1024;

async function bundle(withLit: boolean): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser', 'production'],
    external: withLit ? [] : ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', '@lit/*'],
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const rows = [
  { what: '`<tollgate-upload>` without Lit', budget: 9 * KB, ...(await bundle(false)) },
  { what: '`<tollgate-upload>` with Lit', budget: 16 * KB, ...(await bundle(true)) },
];
const kb = (n: number) => `${(n / KB).toFixed(2)} KB`;

console.log(
  `@tollgate/widget bundle size — esbuild, minified ESM, gzip -9 — ${new Date().toISOString()}\n`,
);
console.log('| bundle | minified | gzip | budget (gzip) |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows)
  console.log(`| ${r.what} | ${kb(r.raw)} | ${kb(r.gzip)} | ≤ ${kb(r.budget)} |`);
const over = rows.filter((r) => r.gzip > r.budget);
if (over.length) {
  console.error(`\nover budget: ${over.map((r) => r.what).join(', ')}`);
  process.exitCode = 1;
}
