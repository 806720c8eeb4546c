import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.js';

/**
 * .ci/run runs the whole suite once (Node 20, PostgreSQL), then only the files
 * tagged `runtime` on Node 22 and those tagged `database` on PGlite
 * (vitest.config.ts describes both tags). What can be told from a file's
 * imports is checked here: a new file that starts a process is not left out
 * of the Node 22 run, and a file tagged database does open a database.
 */
const testDir = path.resolve(import.meta.dirname, '..');
const supportDir = path.join(testDir, 'support');

/** The helpers through which a test starts a child process (the app, a command, PostgreSQL tools). */
const processStarters = ['process', 'command', 'seedCli', 'streamingReplica'];

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

// Spelt in two parts: vitest reads the whole text of a test file for module tags, strings included.
const MODULE_TAG = '@module' + '-tag';

/** The tags a file gives all its tests (a line comment with MODULE_TAG and the name, as vitest reads them). */
function moduleTags(source: string): string[] {
  return [...source.matchAll(new RegExp(String.raw`(?:\/\/|\*)\s*${MODULE_TAG}\s+([\w\-/]+)\b`, 'g'))].map((match) => match[1]!);
}

/** The support modules (`./support/<name>.js`) a test file imports. */
function supportImports(source: string): string[] {
  return [...source.matchAll(/from '\.\/support\/([\w-]+)\.js'/g)].map((match) => match[1]!);
}

const files = testFiles(testDir)
  .filter((file) => file !== import.meta.filename)
  .map((file) => {
    const source = fs.readFileSync(file, 'utf8');
    return { name: path.relative(testDir, file), source, tags: moduleTags(source), imports: supportImports(source) };
  });

describe('the tags .ci/run selects files by', () => {
  it('reads module tags as vitest does', () => {
    expect(moduleTags(`// ${MODULE_TAG} runtime\n// ${MODULE_TAG} database\nimport x from 'y';`)).toEqual(['runtime', 'database']);
    expect(moduleTags(`/**\n * ${MODULE_TAG} runtime\n */`)).toEqual(['runtime']);
    expect(moduleTags('// runtime, no tag here')).toEqual([]);
  });

  it('are the two that vitest.config.ts defines (vitest itself refuses a file with a tag it does not define)', () => {
    expect((config.test?.tags ?? []).map((tag) => tag.name)).toEqual(['runtime', 'database']);
  });

  it('knows every support module that starts a process', () => {
    const starters = fs
      .readdirSync(supportDir)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => /\bspawn\w*\(/.test(fs.readFileSync(path.join(supportDir, name), 'utf8')))
      .map((name) => name.replace(/\.ts$/, ''));
    expect(processStarters).toEqual(expect.arrayContaining(starters));
  });

  it('tags runtime every file that starts a process through them', () => {
    const untagged = files.filter((file) => file.imports.some((name) => processStarters.includes(name)) && !file.tags.includes('runtime'));
    expect(untagged.map((file) => file.name)).toEqual([]);
  });

  it('tags database only files that run on a test database, which is PGlite when DATABASE_URL is unset', () => {
    const opensOne = ['database', 'seeded', 'proxiedApi'];
    const without = files.filter((file) => file.tags.includes('database') && !file.imports.some((name) => opensOne.includes(name)));
    expect(without.map((file) => file.name)).toEqual([]);
  });
});
