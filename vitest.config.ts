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
    // What .ci/run runs a second time, on Node 22 and on PGlite, instead of the
    // whole suite again: a file says which it is with `// @module-tag <name>`
    // at its top; test/unit/testTags.test.ts checks the mechanical part.
    tags: [
      {
        name: 'runtime',
        description:
          'Starts the app, one of its commands or PostgreSQL tools as a child process (test/support/process.ts, command.ts, seedCli.ts, streamingReplica.ts): ' +
          "Node's own module loader, tsx, signals, exit codes and the WebAssembly engines, which is what changes from one Node version to the next.",
      },
      {
        name: 'database',
        description:
          "Its subject is SQL the app writes by hand, on the test database (each file's own, PGlite when DATABASE_URL is unset): raw reads, " +
          'pagination, search, facets, year order, mutations, merge, the response cache, the data-change signal, outages, and the writes of the ' +
          "imports and the enrichment. Not files whose embedded-database tests name their own folder (PGLITE_DATA_DIR: they run on every run) " +
          'nor those that only skip tests on PGlite.',
      },
    ],
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
