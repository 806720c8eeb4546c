import type {
  CreateMigrationInput,
  CreateMigrationOutput,
  DiffParams,
  DiffResult,
  EvaluateDataLossInput,
} from '@prisma/schema-engine-wasm';
import { migrationsToSchema, type SchemaEngine } from './wasmEngine.js';

/**
 * The JSON-RPC methods of the native engine, served by the WebAssembly one.
 * Their names are the same, so most pass straight through; the few that
 * differ are below, each with why.
 */

/** What a method answers, and text the native engine would print on the CLI's stdout. */
export interface MethodAnswer {
  result: unknown;
  print?: string;
}

export async function dispatch(engine: SchemaEngine, method: string, params: unknown): Promise<MethodAnswer> {
  if (method === 'getDatabaseVersion') return { result: engine.version() };
  if (method === 'evaluateDataLoss') return { result: await evaluateDataLoss(engine, params as EvaluateDataLossInput) };
  if (method === 'createMigration') return { result: await createMigration(engine, params as CreateMigrationInput) };
  if (method === 'diff') return diff(engine, params as DiffParams);
  const handler = (engine as unknown as Record<string, (params: unknown) => Promise<unknown>>)[method];
  if (typeof handler !== 'function') throw new Error(`The WebAssembly schema engine has no method ${method}.`);
  return { result: await handler.call(engine, params) };
}

/**
 * The WebAssembly engine returns the diff in `stdout`; the native one has it
 * printed by the CLI (a "print" request) and answers without it, which is
 * what `prisma migrate diff` expects: otherwise it prints nothing.
 */
async function diff(engine: SchemaEngine, params: DiffParams): Promise<MethodAnswer> {
  const result: DiffResult = await engine.diff(params);
  return { result: { ...result, stdout: null }, print: result.stdout ?? undefined };
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
