import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so
    // Apollo Server, loads the CommonJS one; Vite would pick the ESM one for
    // our files, and graphql refuses types from "another realm".
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Ends the process group of any child a test left running (test/support/process.ts).
    setupFiles: ['test/support/teardown.ts'],
    // A run id for the seeded template database, and its removal (test/support/templates.ts).
    globalSetup: ['test/support/globalSetup.ts'],
    // Each test file gets its own database (see test/support/database.ts); two files at a time fit two cores.
    pool: 'forks',
    maxWorkers: 2,
    // Guards against a hang, not targets: on two cores shared with other work
    // a test that spawns the app and starts PGlite has taken 60 s and more.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
  },
});
