// @module-tag runtime
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProfilesDir } from '../src/db/paths.js';
import type { Database } from '../src/db/database.js';
import { importProfileTexts } from '../seed/texts.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { spawnApp } from './support/process.js';
import { runSeedCli } from './support/seedCli.js';
import { startTestServer, type TestServer } from './support/server.js';
import { createApiToken, sendAs, type Send } from './support/tokens.js';

/** importProfiles: `npm run seed` through the API, for admins, on an empty database. */

let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;
let admin: Send;
let editor: Send;

const seedFiles = ['000_83e153fc7d8806a7.txt', 'english-sample.txt'].map((name) => ({ name, text: fs.readFileSync(path.join(seedProfilesDir, name), 'utf8') }));

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database, { importMaxFileBytes: 20_000 }, { importFiles: importProfileTexts });
  admin = sendAs(api, await createApiToken(database.prisma, 'lab admin', 'admin'));
  editor = sendAs(api, await createApiToken(database.prisma, 'web team', 'editor'));
});

afterAll(async () => {
  await api.close();
  await database.close();
  await testDatabase.drop();
});

const IMPORT = `mutation Import($files: [ProfileFileInput!]!, $dryRun: Boolean) {
  importProfiles(files: $files, dryRun: $dryRun) { dryRun changed counts { kind created updated unchanged deleted } summary report }
}`;

interface ImportAnswer {
  importProfiles: {
    dryRun: boolean;
    changed: boolean;
    counts: { kind: string; created: number; updated: number; unchanged: number; deleted: number }[];
    summary: string;
    report: { dryRun: boolean; counts: Record<string, { created: number }>; changes: { publication: { created: string[] } } };
  };
}

const created = (answer: ImportAnswer, kind: string) => answer.importProfiles.counts.find((count) => count.kind === kind)?.created;

async function onlyError(send: Send, variables: Record<string, unknown>) {
  const response = await send(IMPORT, variables);
  expect(response.body.errors).toHaveLength(1);
  return response.body.errors![0]!;
}

describe('importProfiles', () => {
  it('is for admins: an editor is FORBIDDEN', async () => {
    const error = await onlyError(editor, { files: seedFiles });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  it('dry run: reports what the import would create, writes nothing', async () => {
    const response = await admin<ImportAnswer>(IMPORT, { files: seedFiles, dryRun: true });
    expect(response.body.errors).toBeUndefined();
    const answer = response.body.data!;
    expect(answer.importProfiles).toMatchObject({ dryRun: true, changed: true });
    expect(created(answer, 'researcher')).toBe(14);
    expect(created(answer, 'publication')).toBe(15);
    expect(answer.importProfiles.report.changes.publication.created).toContain('Torque-Aware Momentum');
    expect(answer.importProfiles.summary).toContain('Dry run: these changes were not written.');
    expect(answer.importProfiles.summary).toMatch(/researchers\s+14\s+0\s+0\s+0/);
    expect(await database.prisma.publication.count()).toBe(0);
    expect(await database.prisma.auditLog.count()).toBe(0);
  });

  it('imports, with the report of npm run seed, and the import is in the audit log; the same request then reads the data', async () => {
    const response = await admin<ImportAnswer & { researchers?: unknown }>(IMPORT, { files: seedFiles });
    expect(response.body.errors).toBeUndefined();
    const answer = response.body.data!;
    expect(answer.importProfiles).toMatchObject({ dryRun: false, changed: true });
    expect(created(answer, 'publication')).toBe(15);
    expect(answer.importProfiles.summary).toContain('Publications: 15 created, 0 updated, 0 deleted');
    expect(answer.importProfiles.summary).toContain('Import complete.');
    expect(await database.prisma.publication.count()).toBe(15);
    const entries = await database.prisma.auditLog.findMany();
    expect(entries).toMatchObject([
      {
        actor: 'lab admin',
        action: 'importProfiles',
        targetType: 'Import',
        targetId: null,
        after: { files: seedFiles.map((file) => ({ name: file.name, bytes: Buffer.byteLength(file.text) })) },
      },
    ]);
    const again = await admin<ImportAnswer>(IMPORT, { files: seedFiles });
    expect(again.body.data!.importProfiles.changed).toBe(false);
    expect(again.body.data!.importProfiles.summary).toContain('Everything unchanged.');
  });

  it('refuses a bad file with its file:line in the error, importing nothing of the others', async () => {
    const bad = { name: 'broken.txt', text: 'Portrait of Someone\n\n???\n' };
    const before = await database.prisma.researcher.count();
    const good = { name: 'good.txt', text: seedFiles[1]!.text.replace(/Noor Haddad-Lefebvre/gu, 'Ada Lovelace') };
    const error = await onlyError(admin, { files: [good, bad] });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', file: 'broken.txt', line: 3 });
    const problems = error.extensions?.problems as { file: string; line: number; problem: string }[];
    expect(problems.map(({ file, line }) => `${file}:${line}`)).toEqual(['broken.txt:3']);
    expect(problems[0]!.problem).toContain('has no letter: expected the person');
    expect(error.message).toContain('broken.txt:3: ');
    expect(await database.prisma.researcher.count()).toBe(before);
  });

  it('names the file of an empty or unsupported file, a path, a name sent twice and a file over the size limit', async () => {
    const empty = await onlyError(admin, { files: [{ name: 'empty.txt', text: '' }] });
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', file: 'empty.txt', line: 1 });
    const pdf = await onlyError(admin, { files: [{ name: 'cv.pdf', text: 'x' }] });
    expect(pdf.extensions).toMatchObject({ code: 'BAD_USER_INPUT', file: 'cv.pdf', line: 0 });
    expect(pdf.message).toContain('cv.pdf: unsupported file type (.pdf)');
    const folder = await onlyError(admin, { files: [{ name: '../escape.txt', text: 'x' }] });
    expect(folder.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'files[0].name' });
    const twice = await onlyError(admin, { files: [seedFiles[0], seedFiles[0]] });
    expect(twice.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'files[1].name' });
    const large = await onlyError(admin, { files: [{ name: 'large.txt', text: 'x'.repeat(20_001) }] });
    expect(large.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'files[0].text' });
    expect(large.message).toBe('large.txt is too large: 20001 bytes, at most 20000 (IMPORT_MAX_FILE_BYTES).');
  });
});

describe('npm run seed on an embedded folder that a running server holds', () => {
  it('says a server holds it and points at the importProfiles mutation', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-held-'));
    try {
      const app = spawnApp({ PGLITE_DATA_DIR: dataDir, SEED_ON_START: 'false' });
      await app.port;
      const seed = await runSeedCli([], { PGLITE_DATA_DIR: dataDir });
      expect(seed.code).toBe(1);
      expect(seed.stderr).toContain(`The embedded database in ${dataDir} is in use by process`);
      expect(seed.stderr).toContain('a running API server');
      expect(seed.stderr).toContain('importProfiles mutation');
      expect(await app.stop()).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
