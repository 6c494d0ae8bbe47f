import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The package: ESM for bundlers and import maps, `lit` left to the app.
    entry: { index: 'src/index.ts', 'locales/ar': 'src/locales/ar.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'tsconfig.build.json',
    treeshake: true,
  },
  {
    // The CDN file: one minified module with Lit inside, for a single <script type="module">.
    entry: { 'tollgate-upload': 'src/index.ts' },
    format: ['esm'],
    noExternal: [/.*/],
    minify: true,
    sourcemap: true,
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'tsconfig.build.json',
    esbuildOptions(options) {
      options.conditions = ['browser', 'production'];
    },
  },
]);
