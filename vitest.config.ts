import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each integration file boots its own server on port 0 with its own SQLite file; forks keep native
    // modules (better-sqlite3) and open handles isolated per file.
    pool: 'forks',
  },
});
