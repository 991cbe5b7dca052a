import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The Agents Playground test drives a real Teams-like client in Chromium: alone a card shows in a second or two,
 * but beside the rest of the suite on a 2-core machine it twice waited out its 30 s for one. It runs after every
 * other file has finished (a later `groupOrder`), on a machine of its own as it were.
 */
const PLAYGROUND = 'test/browser/playground.test.ts';

export default defineConfig({
  test: {
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
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: [PLAYGROUND], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'playground', include: [PLAYGROUND], sequence: { groupOrder: 1 } } },
    ],
  },
});
