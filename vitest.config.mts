import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Renderer hooks and components: .test.tsx files, each choosing happy-dom with `// @vitest-environment happy-dom`.
    include: ['test/**/*.test.ts', 'test/unit/renderer/**/*.test.tsx'],
    // The portable archives' checks run with vitest.portable.config.mts (npm run test:portable).
    exclude: [...configDefaults.exclude, 'test/portable/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Backend tests open real SQLite files; e2e tests drive one Chromium: keep files in separate forks.
    pool: 'forks',
  },
});
