import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'partner-connector', include: ['test/**/*.test.ts'] },
});
