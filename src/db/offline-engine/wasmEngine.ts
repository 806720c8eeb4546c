import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import { prismaSchemaPath } from '../paths.js';
import { MigrationAdapterFactory } from './migrationAdapter.js';

/**
 * Prisma's schema engine (migrations, diff, introspection), compiled to
 * WebAssembly and published on npm. The Prisma CLI would download a native
 * binary of the same engine, which some networks (ours) cannot reach; this one
 * ships in node_modules and talks to the database through the pg driver adapter.
 */

export type { SchemaEngine };

const require = createRequire(import.meta.url);

type WasmBindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let bindings: Promise<WasmBindings> | undefined;

/**
 * The package's own entry imports the .wasm file as an ES module, which Node
 * cannot; this is what that entry does, by hand: compile once per process.
 */
function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const modulePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import(modulePath)) as WasmBindings;
    const wasm = fs.readFileSync(path.join(path.dirname(modulePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/** The engine's version: the commit of prisma-engines it was built from. */
export async function schemaEngineVersion(): Promise<string> {
  return (await loadBindings()).version();
}

/**
 * The engine reports a Rust panic through `global.PRISMA_WASM_PANIC_REGISTRY`
 * just before it throws; the message is the only clue to it. The registry is
 * set only while an engine is open (counted, as engines can overlap) and the
 * previous value is put back after the last one closes.
 */
const panics: string[] = [];
const panicRegistry = { set_message: (message: string) => void panics.push(message) };
const registryHolder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
let openEngines = 0;
let previousRegistry: unknown;

function listenForPanics(): () => void {
  if (openEngines === 0) {
    previousRegistry = registryHolder.PRISMA_WASM_PANIC_REGISTRY;
    registryHolder.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  }
  openEngines += 1;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    openEngines -= 1;
    if (openEngines > 0) return;
    if (previousRegistry === undefined) delete registryHolder.PRISMA_WASM_PANIC_REGISTRY;
    else registryHolder.PRISMA_WASM_PANIC_REGISTRY = previousRegistry;
  };
}

export interface SchemaEngineOptions {
  connectionString: string;
  /** `[path, content]` pairs of the Prisma schema files; defaults to prisma/schema.prisma. */
  datamodels?: [string, string][];
  /** Receives the engine's JSON log lines. */
  log?: (line: string) => void;
}

/** The engine and a way to release it with every connection it opened. */
export interface SchemaEngineHandle {
  engine: SchemaEngine;
  /** The last panic message of the engine, if any, taken once. */
  takePanicMessage(): string | undefined;
  close(): Promise<void>;
}

export async function openSchemaEngine(options: SchemaEngineOptions): Promise<SchemaEngineHandle> {
  const { SchemaEngine } = await loadBindings();
  const datamodels = options.datamodels ?? [[prismaSchemaPath, fs.readFileSync(prismaSchemaPath, 'utf8')]];
  const factory = new MigrationAdapterFactory(options.connectionString);
  const stopListening = listenForPanics();
  try {
    const engine = await SchemaEngine.new(
      { datamodels },
      options.log ?? (() => undefined),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return {
      engine,
      takePanicMessage: () => panics.splice(0).at(-1),
      async close() {
        engine.free();
        stopListening();
        await factory.disposeAll();
      },
    };
  } catch (error) {
    stopListening();
    await factory.disposeAll();
    throw error;
  }
}

/** Runs `work` with a schema engine, then releases it. */
export async function withSchemaEngine<T>(options: SchemaEngineOptions, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const handle = await openSchemaEngine(options);
  try {
    return await work(handle.engine);
  } finally {
    await handle.close();
  }
}

export const noSchemaFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * The SQL that takes a database built by the migrations folder to the given
 * schema files (applied on a shadow database), or null when they agree: what
 * `migrate dev` writes as a new migration.
 */
export async function migrationsToSchema(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  files: { path: string; content: string }[],
  filters: SchemaFilter = noSchemaFilter,
): Promise<string | null> {
  const diff = await engine.diff({
    from: { tag: 'migrations', ...migrationsList },
    to: { tag: 'schemaDatamodel', files },
    script: true,
    exitCode: null,
    filters,
  });
  const script = diff.stdout ?? '';
  // An empty diff is still a script: comments only ("-- This is an empty migration.").
  const hasStatements = script.split('\n').some((line) => line.trim() !== '' && !line.startsWith('--'));
  return hasStatements ? script : null;
}
