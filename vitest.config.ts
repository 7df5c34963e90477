import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web client's import alias, so unit tests can cover client utilities too.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each integration file boots its own server on port 0 with its own SQLite file; forks keep native
    // modules (better-sqlite3) and open handles isolated per file.
    pool: 'forks',
  },
});
