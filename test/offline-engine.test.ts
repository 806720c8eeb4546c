// @module-tag runtime
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chooseCliSchemaEngine } from '../src/db/offline-engine/index.js';
import { projectRoot } from '../src/db/paths.js';
import { killCommands, runCommand } from './support/command.js';

/** One engine process (tsx and the packages it checks): seconds on a busy machine. */
const PROCESS_TIMEOUT_MS = 120_000;

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-offline-engine-'));
});
afterEach(killCommands);
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('the offline schema engine', () => {
  it('was written for the installed Prisma packages, whose methods it patches are all there', { timeout: PROCESS_TIMEOUT_MS }, async () => {
    const { code, output } = await runCommand(process.execPath, ['bin/prisma-schema-engine', '--check-upstream'], process.env);
    // On an upgrade, the output says which versions changed, what the shim patches and what to do.
    expect(output, output).toContain('The offline schema engine matches the installed Prisma packages');
    expect(code).toBe(0);
  });
});

describe('the schema engine the Prisma CLI gets (prisma.config.ts)', () => {
  it('is the one the user named, as is', async () => {
    expect(await chooseCliSchemaEngine({ env: { PRISMA_SCHEMA_ENGINE_BINARY: '/opt/schema-engine' } })).toEqual({
      kind: 'named',
      path: '/opt/schema-engine',
    });
  });

  it('is the shim when no native engine is on disk, and a native one found where Prisma looks', async () => {
    const dirs = [path.join(workDir, 'engines'), path.join(workDir, 'prisma')];
    for (const dir of dirs) fs.mkdirSync(dir);
    expect(await chooseCliSchemaEngine({ env: {}, nativeEngineDirs: dirs })).toMatchObject({
      kind: 'shim',
      path: path.join(projectRoot, 'bin', 'prisma-schema-engine'),
    });

    // An engine for another platform is not taken; the answer names the file Prisma wants on this machine.
    fs.writeFileSync(path.join(dirs[0]!, 'schema-engine-plan9'), '', { mode: 0o755 });
    const shim = await chooseCliSchemaEngine({ env: {}, nativeEngineDirs: dirs });
    const searched = shim.kind === 'shim' ? shim.searched : [];
    expect(searched.map((file) => path.dirname(file))).toEqual(dirs);
    const nativeFile = searched[1]!;
    expect(path.basename(nativeFile)).toMatch(/^schema-engine-[\w.-]+$/);
    expect(path.basename(nativeFile)).not.toBe('schema-engine-plan9');

    // A stand-in native binary: answers --version with the build this Prisma CLI expects.
    const build = JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('@prisma/engines-version/package.json'), 'utf8')) as {
      prisma: { enginesVersion: string };
    };
    fs.writeFileSync(nativeFile, `#!/bin/sh\necho "schema-engine-cli ${build.prisma.enginesVersion}"\n`, { mode: 0o755 });
    expect(await chooseCliSchemaEngine({ env: {}, nativeEngineDirs: dirs })).toEqual({ kind: 'native', path: nativeFile });

    // One of another build would make the CLI download the right one: the shim serves instead.
    fs.writeFileSync(nativeFile, '#!/bin/sh\necho "schema-engine-cli 0000000"\n', { mode: 0o755 });
    expect(await chooseCliSchemaEngine({ env: {}, nativeEngineDirs: dirs })).toMatchObject({ kind: 'shim' });
  });
});
