import { defineBrowserCommand, playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { uploadEndpoint } from './test/upload-endpoint.js';

/** Emulates `prefers-color-scheme` / `prefers-reduced-motion` in the test page. */
const emulateMedia = defineBrowserCommand<
  [{ colorScheme?: 'light' | 'dark' | null; reducedMotion?: 'reduce' | 'no-preference' | null }]
>(async (ctx, media) => {
  await ctx.page.emulateMedia(media);
});

export default defineProject({
  plugins: [uploadEndpoint()],
  // pre-bundled up front: a dependency discovered mid-run reloads the page and loses test files
  optimizeDeps: { include: ['axe-core', 'lit', 'lit/directives/style-map.js'] },
  test: {
    name: 'widget',
    include: ['test/**/*.test.ts'],
    testTimeout: 15_000,
    provide: { writeScreenshots: process.env.TOLLGATE_SCREENSHOTS === '1' },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      commands: { emulateMedia },
      viewport: { width: 1100, height: 1100 },
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
