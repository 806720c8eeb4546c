import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

/**
 * What the offline engine relies on in packages it does not own: their exact
 * versions, and the methods (some private) it wraps or calls. An upgrade of
 * Prisma is checked against this list by `bin/prisma-schema-engine
 * --check-upstream` and test/offline-engine.test.ts.
 */

/** The versions this folder was written and checked for. */
export const WRITTEN_FOR: Record<string, string> = {
  prisma: '7.10.0',
  '@prisma/client': '7.10.0',
  '@prisma/adapter-pg': '7.10.0',
  '@prisma/driver-adapter-utils': '7.10.0',
  '@prisma/schema-engine-wasm': '7.10.0-4.0edf323efd1d98336f3f0a68684b56f689b900d3',
};

/** Each upstream member the workarounds touch, and which workaround. */
const RELIED_ON = [
  'PrismaPg.connectToShadowDb (replaced: it reconnects to the main database, migrationAdapter.ts)',
  'PrismaPgAdapter.executeScript (replaced: it splits scripts on ";", migrationAdapter.ts)',
  'PrismaPgAdapter.underlyingDriver and the private onError (the whole-script run)',
  'the private PgQueryable.performIO and queryRaw (wrapped: pg_catalog "char" columns, migrationAdapter.ts)',
  'PrismaPgAdapter.startTransaction and dispose (wrapped)',
  'driver-adapter-utils bindMigrationAwareSqlAdapterFactory and ColumnTypeEnum.Character',
  'schema-engine-wasm schema_engine_bg.js: __wbg_set_wasm, version, SchemaEngine.new and its methods, global.PRISMA_WASM_PANIC_REGISTRY (wasmEngine.ts)',
  'createMigration and evaluateDataLoss rebuilt on diff (shimMethods.ts)',
];

const require = createRequire(import.meta.url);

/** The installed version of a package, read from its folder (not all of them export package.json, nor have a main file). */
function installedVersion(name: string): string {
  for (const nodeModules of require.resolve.paths(name) ?? []) {
    const file = path.join(nodeModules, name, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error(`${name} is not installed.`);
}

/** The commit of prisma-engines that the installed Prisma CLI expects its schema engine to be. */
function cliEnginesVersion(): string {
  const fromEngines = createRequire(createRequire(require.resolve('prisma/package.json')).resolve('@prisma/engines'));
  return (fromEngines('@prisma/engines-version') as { enginesVersion: string }).enginesVersion;
}

function missingMembers(target: object, names: string[], label: string): string[] {
  return names.filter((name) => typeof (target as Record<string, unknown>)[name] !== 'function').map((name) => `${label}.${name}`);
}

/** Upstream members that the workarounds use and that are gone. */
async function missingUpstreamMembers(): Promise<string[]> {
  const missing = missingMembers(PrismaPg.prototype, ['connect', 'connectToShadowDb'], 'PrismaPg');
  // connect() only builds a pool (no connection is opened): the adapter can be inspected offline.
  const adapter = await new PrismaPg({ connectionString: 'postgresql://offline-engine-check@127.0.0.1:1/none' }).connect();
  try {
    missing.push(
      ...missingMembers(
        adapter,
        ['executeScript', 'underlyingDriver', 'onError', 'performIO', 'queryRaw', 'startTransaction', 'dispose'],
        'PrismaPgAdapter',
      ),
    );
  } finally {
    await adapter.dispose();
  }
  if (typeof bindMigrationAwareSqlAdapterFactory !== 'function') missing.push('driver-adapter-utils.bindMigrationAwareSqlAdapterFactory');
  if (!('Character' in ColumnTypeEnum)) missing.push('driver-adapter-utils.ColumnTypeEnum.Character');

  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = (await import(gluePath)) as Record<string, unknown> & { SchemaEngine?: { prototype: object } };
  missing.push(...missingMembers(glue, ['__wbg_set_wasm', 'version'], 'schema_engine_bg'));
  if (glue.SchemaEngine) {
    missing.push(...missingMembers(glue.SchemaEngine, ['new'], 'SchemaEngine'));
    missing.push(...missingMembers(glue.SchemaEngine.prototype, ['applyMigrations', 'diff', 'version', 'free'], 'SchemaEngine'));
  } else {
    missing.push('schema_engine_bg.SchemaEngine');
  }
  if (!fs.readFileSync(gluePath, 'utf8').includes('PRISMA_WASM_PANIC_REGISTRY')) missing.push('global.PRISMA_WASM_PANIC_REGISTRY');
  return missing;
}

/** Null when the installed packages are the ones this folder was written for; else what to do, in words. */
export async function upstreamMismatch(): Promise<string | null> {
  const upgraded = Object.entries(WRITTEN_FOR)
    .map(([name, expected]) => ({ name, expected, installed: installedVersion(name) }))
    .filter(({ expected, installed }) => expected !== installed);
  const missing = await missingUpstreamMembers();
  const wasmEngine = installedVersion('@prisma/schema-engine-wasm').split('.').at(-1) ?? '';
  const cliEngine = cliEnginesVersion();
  const engineMismatch = wasmEngine === cliEngine ? [] : [`the CLI expects schema engine ${cliEngine}, @prisma/schema-engine-wasm is ${wasmEngine}`];
  if (upgraded.length === 0 && missing.length === 0 && engineMismatch.length === 0) return null;

  const upgrades = upgraded.map(({ name, expected, installed }) => `${name} from ${expected} to ${installed}`);
  const headline = upgrades.length > 0 ? `Prisma was upgraded: ${upgrades.join(', ')}` : 'The installed Prisma packages changed';
  return [
    `${headline}. The offline schema engine shim (src/db/offline-engine/) patches and calls:`,
    ...RELIED_ON.map((item) => `  - ${item}`),
    ...(missing.length > 0 ? [`Gone in the installed packages: ${missing.join(', ')}.`] : []),
    ...engineMismatch.map((line) => `Engine builds differ: ${line}.`),
    'Check each workaround against the new versions (is the upstream bug still there? the comment on each says what it was),',
    'install @prisma/schema-engine-wasm at the build named by node_modules/@prisma/engines-version (exact version),',
    'run test/migrations.test.ts and test/prisma-cli.test.ts, and update WRITTEN_FOR in src/db/offline-engine/upstream.ts.',
  ].join('\n');
}
