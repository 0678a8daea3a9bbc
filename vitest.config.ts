import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real SQLite files and fast-check runs: give slow CI machines room, never assert on time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
