import { defineConfig } from 'vitest/config';

// Unit and integration tests: one embedded PostgreSQL per run (tests/support/global-setup.ts);
// each test file gets its own database cloned from a migrated template.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
