import { defineConfig } from 'vitest/config';

// The portable archives' checks (`npm run test:portable` builds the archives first): apart from `npm test`,
// as they need dist/portable and take minutes (unpacking, wine).
export default defineConfig({
  test: {
    include: ['test/portable/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
