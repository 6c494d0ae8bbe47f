import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'node-quickstart', include: ['test/**/*.test.ts'] } });
