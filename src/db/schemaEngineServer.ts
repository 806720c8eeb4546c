import fs from 'node:fs';
import readline from 'node:readline';
import { loadConfig } from '../config.js';
import { resolveDatabase, type DatabaseTarget } from './embedded.js';
import type { CreateMigrationInput, CreateMigrationOutput, EvaluateDataLossInput } from '@prisma/schema-engine-wasm';
import {
  migrationsToSchema,
  openSchemaEngine,
  schemaEngineVersion,
  takePanicMessage,
  type SchemaEngine,
  type SchemaEngineHandle,
} from './schemaEngine.js';

/**
 * A stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI
 * downloads and this network cannot reach. The CLI spawns the binary named by
 * PRISMA_SCHEMA_ENGINE_BINARY with `--datamodels <file>…` and `--datasource
 * <json>`, then sends JSON-RPC requests, one per line, on stdin. The method
 * names are the WebAssembly engine's own, so requests pass straight through.
 */

interface RpcRequest {
  jsonrpc: '2.0';
  id: number;
  method: string;
  params?: unknown;
}

interface Arguments {
  datamodelPaths: string[];
  datasourceUrl: string | undefined;
}

function parseArguments(argv: string[]): Arguments {
  const result: Arguments = { datamodelPaths: [], datasourceUrl: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    if (argv[i] === '--datamodels' && value) {
      result.datamodelPaths.push(value);
      i += 1;
    } else if (argv[i] === '--datasource' && value) {
      const datasource = JSON.parse(value) as { url?: string };
      result.datasourceUrl = datasource.url;
      i += 1;
    }
  }
  return result;
}

/** Writes a log line in the native engine's format, which the CLI reads from stderr. */
function logLine(level: 'INFO' | 'ERROR', message: string): void {
  process.stderr.write(`${JSON.stringify({ level, fields: { message } })}\n`);
}

function toRpcError(error: unknown) {
  const panic = takePanicMessage();
  if (panic) return { code: 4466, message: 'The schema engine panicked.', data: { is_panic: true, message: panic } };
  // The engine rejects with its own user-facing errors (error_code P3005 and the like) as JSON.
  const text = error instanceof Error ? error.message : String(error);
  let parsed: { message?: string; error_code?: string; meta?: unknown; is_panic?: boolean } | undefined;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  const message = parsed?.message ?? text;
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: parsed?.is_panic ?? false, message, error_code: parsed?.error_code, meta: parsed?.meta },
  };
}

/**
 * `schema-engine cli <command>`: the one-shot commands the CLI runs before a
 * migration (can the database be reached, create it if missing). Failures are
 * reported as the native engine does: a JSON log line with an error code.
 */
async function runCliCommand(command: string, url: string | undefined): Promise<number> {
  logLine('INFO', `schema-engine cli ${command}`); // the CLI skips the first line of stderr
  if (url === undefined) {
    // The embedded database: PGlite creates its data folder on first open.
    if (command === 'can-connect-to-database' || command === 'create-database') return 0;
    reportCliError('P1012', `${command} is not supported on the embedded database; delete its data folder instead.`);
    return 1;
  }
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  try {
    if (command === 'can-connect-to-database') {
      await runStatement(url, 'SELECT 1');
    } else if (command === 'create-database' || command === 'drop-database') {
      target.pathname = '/postgres';
      const verb = command === 'create-database' ? 'CREATE' : 'DROP';
      await runStatement(target.toString(), `${verb} DATABASE "${database.replaceAll('"', '""')}"`);
    } else {
      reportCliError('P1012', `Unknown schema engine command: ${command}`);
      return 1;
    }
    return 0;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    // Map PostgreSQL's answer to the codes the CLI knows how to explain.
    const prismaCode = code === '3D000' ? 'P1003' : code === '28P01' || code === '28000' ? 'P1000' : 'P1001';
    reportCliError(prismaCode, prismaCode === 'P1003' ? `Database \`${database}\` does not exist` : message);
    return 1;
  }
}

function reportCliError(errorCode: string, message: string): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields: { error_code: errorCode, message } })}\n`,
  );
}

async function runStatement(url: string, sql: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function dispatch(engine: SchemaEngine, method: string, params: unknown): Promise<unknown> {
  if (method === 'getDatabaseVersion') return engine.version();
  if (method === 'evaluateDataLoss') return evaluateDataLoss(engine, params as EvaluateDataLossInput);
  if (method === 'createMigration') return createMigration(engine, params as CreateMigrationInput);
  const handler = (engine as unknown as Record<string, (params: unknown) => Promise<unknown>>)[method];
  if (typeof handler !== 'function') throw new Error(`The WebAssembly schema engine has no method ${method}.`);
  return handler.call(engine, params);
}

/**
 * The WebAssembly engine's createMigration and evaluateDataLoss cannot open a
 * PostgreSQL shadow database ("must be provided through an external
 * factory"), though diff from the migrations folder can. Both are built on it:
 * the migration is the diff from the migrations to the schema. What this
 * loses is the engine's data-loss warnings before `migrate dev` applies.
 */
function pendingSchemaChange(engine: SchemaEngine, input: EvaluateDataLossInput): Promise<string | null> {
  return migrationsToSchema(engine, input.migrationsList, input.schema.files, input.filters);
}

async function evaluateDataLoss(engine: SchemaEngine, input: EvaluateDataLossInput) {
  const change = await pendingSchemaChange(engine, input);
  return { migrationSteps: change === null ? 0 : 1, unexecutableSteps: [], warnings: [] };
}

async function createMigration(engine: SchemaEngine, input: CreateMigrationInput): Promise<CreateMigrationOutput> {
  const change = await pendingSchemaChange(engine, input);
  // The native engine's name: UTC timestamp to the second, then the given name.
  const timestamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return {
    connectorType: 'postgresql',
    generatedMigrationName: `${timestamp}_${input.migrationName}`,
    migrationScript: change ?? (input.draft ? '-- This is an empty migration.' : null),
    extension: 'sql',
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--version') || process.argv.includes('-V')) {
    process.stdout.write(`schema-engine-cli ${await schemaEngineVersion()} (wasm)\n`);
    return;
  }
  const config = loadConfig();
  const args = parseArguments(process.argv.slice(2));
  const cliIndex = process.argv.indexOf('cli');
  if (cliIndex !== -1) {
    const command = process.argv[cliIndex + 1] ?? '';
    process.exitCode = await runCliCommand(command, config.databaseUrl ? args.datasourceUrl : undefined);
    return;
  }
  const datamodels = args.datamodelPaths.map((file): [string, string] => [file, fs.readFileSync(file, 'utf8')]);

  // DATABASE_URL unset means the embedded database, whatever placeholder URL the CLI was given.
  let target: DatabaseTarget | undefined;
  // A fresh engine per request: the WebAssembly engine hands its shadow-database
  // factory to the first command that needs one, and `migrate dev` needs two.
  const openEngine = async (): Promise<SchemaEngineHandle> => {
    target ??= await resolveDatabase(config.databaseUrl && (args.datasourceUrl ?? config.databaseUrl), config.pgliteDataDir);
    return openSchemaEngine({
      connectionString: target.connectionString,
      datamodels: datamodels.length > 0 ? datamodels : undefined,
      log: (line) => process.stderr.write(`${line}\n`),
    });
  };

  // The CLI ends the engine with SIGTERM as soon as it has its answer: close
  // PGlite properly (and free its folder) rather than die holding it.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void (target?.embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
    });
  }

  const respond = (body: object) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...body })}\n`);
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  // One request at a time, in order, as the native engine does.
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const request = JSON.parse(line) as RpcRequest;
    let handle: SchemaEngineHandle | undefined;
    try {
      handle = await openEngine();
      const result = await dispatch(handle.engine, request.method, request.params ?? {});
      respond({ id: request.id, result: result ?? null });
    } catch (error) {
      logLine('ERROR', error instanceof Error ? error.message : String(error));
      respond({ id: request.id, error: toRpcError(error) });
    } finally {
      await handle?.close();
    }
  }
  await target?.embedded?.stop();
}

main().catch((error: unknown) => {
  logLine('ERROR', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
