import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';

/**
 * The Prisma CLI downloads a native schema engine at every command, from a
 * host that some networks (ours) cannot reach. Unless a native engine is
 * already named, point the CLI at bin/prisma-schema-engine: the same engine in
 * WebAssembly, installed from npm, speaking the native engine's protocol.
 */
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, 'bin', 'prisma-schema-engine');
if (!fs.existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  throw new Error(`PRISMA_SCHEMA_ENGINE_BINARY names ${process.env.PRISMA_SCHEMA_ENGINE_BINARY}, which does not exist.`);
}

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: {
    // With DATABASE_URL unset the schema engine opens the embedded database
    // (PGLITE_DATA_DIR); the CLI still wants a URL, and this one names it.
    url: process.env.DATABASE_URL || 'postgresql://pglite@localhost/embedded',
  },
});
