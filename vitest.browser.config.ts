import { defineConfig } from 'vitest/config';

// Browser golden paths: the built app with demo data on a throwaway embedded database,
// driven by Playwright in Debian's Chromium (tests/browser/setup.ts).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/setup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // Each test is a whole golden path (tens of steps); on a loaded 2-core VM one can take twice its usual time.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // A page reload and its first query can take more than vitest's default 1 s of polling on 2 busy cores.
    expect: { poll: { timeout: 15_000 } },
  },
});
