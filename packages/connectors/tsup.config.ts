import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** One entry per subpath (`swift-mt/index`, `dhl-express/sandbox`, …), shared with package.json's exports. */
const entry = JSON.parse(
  readFileSync(new URL('./tsup.entries.json', import.meta.url), 'utf8'),
) as Record<string, string>;

export default defineConfig({
  entry,
  // One copy of shared modules (the codec, the logistics contract) in both formats.
  splitting: true,
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  treeshake: true,
  external: ['msw'],
});
