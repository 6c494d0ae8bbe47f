import type { BrowserCommand } from 'vitest/node';

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia: (media: {
      colorScheme?: 'light' | 'dark' | null;
      reducedMotion?: 'reduce' | 'no-preference' | null;
    }) => Promise<void>;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    writeScreenshots: boolean;
  }
}

export type { BrowserCommand };
