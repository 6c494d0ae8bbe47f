import { defineConfig } from 'vitest/config';

/**
 * One vitest run for the whole workspace: each package (and example) is a
 * project with its own config. Under CI a JSON report is written as well, from
 * which `.ci/run` prints its `N passed, N failed` line.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/*/vitest.config.ts'],
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.vitest-report.json' }]]
      : ['default'],
  },
});
