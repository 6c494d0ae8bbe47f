import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', sandbox: 'src/sandbox/index.ts' },
  // The sandbox entry imports msw (an optional peer); the main entry never does.
  external: ['msw', 'pg'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  treeshake: true,
  removeNodeProtocol: false,
});
