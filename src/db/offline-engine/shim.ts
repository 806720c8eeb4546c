import fs from 'node:fs';
import readline from 'node:readline';
import { loadConfig } from '../../config.js';
import type { DatabaseTarget } from '../embedded.js';
import type { SchemaEngineHandle } from './wasmEngine.js';
import { logLine, runCliCommand } from './shimCliCommands.js';

/**
 * A stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI
 * downloads and some networks (ours) cannot reach. The CLI spawns the binary
 * named by PRISMA_SCHEMA_ENGINE_BINARY with `--datamodels <file>…` and
 * `--datasource <json>`, then sends JSON-RPC requests, one per line, on stdin;
 * or runs `… cli <command>` once. Each path loads only what it needs: the
 * WebAssembly engine and PGlite are imported when a request needs them.
 */

interface RpcMessage {
  jsonrpc: '2.0';
  id?: number;
  method?: string;
  params?: unknown;
}

interface Arguments {
  datamodelPaths: string[];
  datasourceUrl: string | undefined;
  cliCommand: string | undefined;
}

function parseArguments(argv: string[]): Arguments {
  const result: Arguments = { datamodelPaths: [], datasourceUrl: undefined, cliCommand: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    if (argv[i] === '--datamodels' && value) {
      result.datamodelPaths.push(value);
      i += 1;
    } else if (argv[i] === '--datasource' && value) {
      result.datasourceUrl = (JSON.parse(value) as { url?: string }).url;
      i += 1;
    } else if (argv[i] === 'cli') {
      result.cliCommand = value ?? '';
      break;
    }
  }
  return result;
}

function toRpcError(error: unknown, panic: string | undefined) {
  if (panic) return { code: 4466, message: 'The schema engine panicked.', data: { is_panic: true, message: panic } };
  // The engine rejects with its own user-facing errors (error_code P3005 and the like) as JSON.
  const text = error instanceof Error ? error.message : String(error);
  let parsed: { message?: string; error_code?: string; meta?: unknown; is_panic?: boolean } | undefined;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: parsed?.is_panic ?? false, message: parsed?.message ?? text, error_code: parsed?.error_code, meta: parsed?.meta },
  };
}

/** `--version`: the line `prisma --version` shows as "Schema Engine"; "(wasm)" tells the shim from the native engine. */
async function printVersion(): Promise<void> {
  const { schemaEngineVersion } = await import('./wasmEngine.js');
  process.stdout.write(`schema-engine-cli ${await schemaEngineVersion()} (wasm)\n`);
}

/** `--check-upstream`: exit 1 with what to do when the installed Prisma is not the one this shim was written for. */
async function checkUpstream(): Promise<number> {
  const { upstreamMismatch, WRITTEN_FOR } = await import('./upstream.js');
  const mismatch = await upstreamMismatch();
  if (mismatch) {
    process.stderr.write(`${mismatch}\n`);
    return 1;
  }
  process.stdout.write(`The offline schema engine matches the installed Prisma packages: ${JSON.stringify(WRITTEN_FOR)}\n`);
  return 0;
}

/** Serves JSON-RPC requests from stdin, one at a time and in order, as the native engine does. */
async function serveRequests(args: Arguments, databaseUrl: string | undefined, pgliteDataDir: string): Promise<void> {
  const { openSchemaEngine } = await import('./wasmEngine.js');
  const { dispatch } = await import('./shimMethods.js');
  const datamodels = args.datamodelPaths.map((file): [string, string] => [file, fs.readFileSync(file, 'utf8')]);

  // DATABASE_URL unset means the embedded database, whatever placeholder URL the CLI was given.
  let target: DatabaseTarget | undefined;
  const resolveTarget = async (): Promise<DatabaseTarget> => {
    if (databaseUrl) return { connectionString: args.datasourceUrl ?? databaseUrl, embedded: undefined };
    const { resolveDatabase } = await import('../embedded.js'); // PGlite loads only where it is used
    return resolveDatabase(undefined, pgliteDataDir);
  };
  const openEngine = async () => {
    target ??= await resolveTarget();
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

  const send = (message: object) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  let printId = 1_000_000; // ids of our own requests to the CLI, apart from its ids
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const message = JSON.parse(line) as RpcMessage;
    if (message.method === undefined || message.id === undefined) continue; // the CLI's answer to a print
    // A fresh engine per request: the WebAssembly engine hands its shadow-database
    // factory to the first command that needs one, and `migrate dev` needs two.
    let handle: SchemaEngineHandle | undefined;
    try {
      handle = await openEngine();
      const answer = await dispatch(handle.engine, message.method, message.params ?? {});
      if (answer.print !== undefined) send({ id: (printId += 1), method: 'print', params: { content: answer.print } });
      send({ id: message.id, result: answer.result ?? null });
    } catch (error) {
      logLine('ERROR', error instanceof Error ? error.message : String(error));
      send({ id: message.id, error: toRpcError(error, handle?.takePanicMessage()) });
    } finally {
      await handle?.close();
    }
  }
  await target?.embedded?.stop();
}

/** The `bin/prisma-schema-engine` executable: answers as Prisma's native schema engine does. */
export async function runSchemaEngineShim(argv: string[]): Promise<void> {
  try {
    if (argv.includes('--version') || argv.includes('-V')) return await printVersion();
    if (argv.includes('--check-upstream')) {
      process.exitCode = await checkUpstream();
      return;
    }
    const config = loadConfig();
    const args = parseArguments(argv);
    if (args.cliCommand !== undefined) {
      process.exitCode = await runCliCommand(args.cliCommand, config.databaseUrl ? args.datasourceUrl : undefined);
      return;
    }
    await serveRequests(args, config.databaseUrl, config.pgliteDataDir);
  } catch (error) {
    logLine('ERROR', error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
