import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'server-adapter', include: ['test/**/*.test.ts'], environment: 'node' },
});
