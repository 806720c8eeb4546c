import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { chooseCliSchemaEngine } from './src/db/offline-engine/index.js';

/**
 * The Prisma CLI downloads a native schema engine when it finds none, from a
 * host that some networks (ours) cannot reach. An engine the user names
 * (PRISMA_SCHEMA_ENGINE_BINARY) or a native one already on disk is used as
 * is; otherwise the CLI gets bin/prisma-schema-engine: the same engine in
 * WebAssembly, installed from npm, speaking the native engine's protocol.
 * `npx prisma --version` shows which one ("(wasm)" is the shim).
 */
const engine = await chooseCliSchemaEngine({ env: process.env });
if (engine.kind === 'shim') process.env.PRISMA_SCHEMA_ENGINE_BINARY = engine.path;

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: {
    // With DATABASE_URL unset the schema engine opens the embedded database
    // (PGLITE_DATA_DIR); the CLI still wants a URL, and this one names it.
    url: process.env.DATABASE_URL || 'postgresql://pglite@localhost/embedded',
  },
});
