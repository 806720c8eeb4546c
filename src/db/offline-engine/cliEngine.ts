import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { projectRoot } from '../paths.js';

/** The executable that serves the WebAssembly engine to the Prisma CLI. */
export const shimExecutable = path.join(projectRoot, 'bin', 'prisma-schema-engine');

/**
 * The schema engine the Prisma CLI will run: one the user named
 * (PRISMA_SCHEMA_ENGINE_BINARY), a native binary already on disk where the CLI
 * looks for it, or else the shim. Nothing is ever downloaded here.
 */
export type CliSchemaEngine =
  | { kind: 'named'; path: string }
  | { kind: 'native'; path: string }
  | { kind: 'shim'; path: string; searched: string[] };

export interface CliSchemaEngineOptions {
  env: NodeJS.ProcessEnv;
  /** Folders to look in for a native engine; where Prisma 7.10 looks by default. */
  nativeEngineDirs?: string[];
}

/** Prisma's packages as the CLI itself resolves them (prisma is a dev dependency: resolved only when asked). */
function prismaPackages() {
  const packageJson = createRequire(import.meta.url).resolve('prisma/package.json');
  const fromPrisma = createRequire(packageJson);
  return { dir: path.dirname(packageJson), fromPrisma, fromEngines: createRequire(fromPrisma.resolve('@prisma/engines')) };
}

interface EnginesPackage {
  getEnginesPath(): string;
}

/**
 * The folders prisma/build/index.js searches, in its order (its resolver for
 * "schema-engine"): @prisma/engines' own folder (where a download lands), then
 * prisma/, node_modules/ and prisma/runtime/.
 */
function prismaEngineDirs(): string[] {
  const { dir, fromPrisma } = prismaPackages();
  const engines = fromPrisma('@prisma/engines') as EnginesPackage;
  return [engines.getEnginesPath(), dir, path.dirname(dir), path.join(dir, 'runtime')];
}

/**
 * The file name Prisma gives the native engine on this machine:
 * `schema-engine-<binary target>`, e.g. schema-engine-debian-openssl-3.0.x,
 * with the target detected by the same @prisma/get-platform that @prisma/engines uses.
 */
async function nativeEngineFileName(): Promise<string> {
  const platform = prismaPackages().fromEngines('@prisma/get-platform') as { getBinaryTargetForCurrentPlatform(): Promise<string> };
  const target = await platform.getBinaryTargetForCurrentPlatform();
  return `schema-engine-${target}${target === 'windows' ? '.exe' : ''}`;
}

/** The build of the engine this CLI expects; a native engine of another build makes the CLI download one. */
function expectedEngineBuild(): string {
  return (prismaPackages().fromEngines('@prisma/engines-version') as { enginesVersion: string }).enginesVersion;
}

function isUsableNativeEngine(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8', timeout: 30_000 }).includes(expectedEngineBuild());
  } catch {
    return false;
  }
}

/** Any file the CLI could take for a native engine (the checksums a download leaves beside it aside). */
function hasEngineFiles(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((name) => name.startsWith('schema-engine-') && !/\.(sha256|gz)$/.test(name));
  } catch {
    return false;
  }
}

export async function chooseCliSchemaEngine({ env, nativeEngineDirs }: CliSchemaEngineOptions): Promise<CliSchemaEngine> {
  // The deprecated name still works in the CLI; either one is the user's choice.
  const named = env.PRISMA_SCHEMA_ENGINE_BINARY || env.PRISMA_MIGRATION_ENGINE_BINARY;
  if (named) return { kind: 'named', path: named };
  const dirs = nativeEngineDirs ?? prismaEngineDirs();
  // The usual case, no engine file at all, needs no platform detection (it runs commands).
  if (!dirs.some(hasEngineFiles)) return { kind: 'shim', path: shimExecutable, searched: dirs.map((dir) => path.join(dir, 'schema-engine-*')) };
  const fileName = await nativeEngineFileName();
  const searched = dirs.map((dir) => path.join(dir, fileName));
  const native = searched.find(isUsableNativeEngine);
  if (native) return { kind: 'native', path: native };
  return { kind: 'shim', path: shimExecutable, searched };
}
