import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's module cache: the SDKs (Bolt, botbuilder,
    // vega) take about 1.5 s to import, and paying that once per worker rather
    // than once per file halves the suite. Every file builds its own app,
    // database and clock, so nothing else is shared between them.
    isolate: false,
    // Most of a file's time is spent waiting on loopback HTTP and SQLite, so
    // two workers pay off even on a 2-core machine.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
