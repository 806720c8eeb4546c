// @module-tag runtime
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { bearer, graphqlWith } from './support/bearer.js';
import { envWithout, killCommands, runCommand } from './support/command.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

/** `npm run token` as a person runs it, on the test database, and the API answering the tokens it makes. */
let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-token-cli-'));

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database);
});

afterEach(killCommands);

afterAll(async () => {
  await api?.close();
  await database?.close();
  await testDatabase?.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function token(args: string[], env: NodeJS.ProcessEnv = { ...envWithout('DATABASE_URL'), ...testDatabase.env }) {
  return runCommand('npm', ['run', '--silent', 'token', '--', ...args], env);
}

const AUDIT_LOG = '{ auditLog(first: 1) { totalCount } }';
const TOKEN_LINE = /^lab_[\w-]{43}$/m;

describe('npm run token', () => {
  it('create prints the token once; it works on the API; list shows it; revoke makes it fail', async () => {
    const created = await token(['create', '--name', 'lab admin', '--role', 'admin']);
    expect(created.code).toBe(0);
    expect(created.output).toContain('Created the admin token "lab admin". Copy it now: it is shown only this once.');
    const made = TOKEN_LINE.exec(created.output)?.[0];
    expect(made).toBeDefined();
    // Only its hash is kept.
    expect(JSON.stringify(await database.prisma.apiToken.findMany())).not.toContain(made);

    const unused = await token(['list']);
    expect(unused.code).toBe(0);
    expect(unused.output).toMatch(/^NAME +ROLE +CREATED +LAST USED +REVOKED\nlab admin +admin +\d{4}-\d\d-\d\d \d\d:\d\d UTC +never +-\n$/);

    expect((await graphqlWith(api, bearer(made!), AUDIT_LOG)).body).toEqual({ data: { auditLog: { totalCount: 0 } } });
    const used = await token(['list']);
    expect(used.output).toMatch(/\nlab admin +admin +\d{4}-\d\d-\d\d \d\d:\d\d UTC +\d{4}-\d\d-\d\d \d\d:\d\d UTC +-\n$/);

    const revoked = await token(['revoke', 'lab admin']);
    expect(revoked).toEqual({ code: 0, output: 'Revoked the token "lab admin": requests that send it now fail with UNAUTHENTICATED.\n' });
    const refused = await graphqlWith(api, bearer(made!), AUDIT_LOG);
    expect(refused.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['UNAUTHENTICATED', 'The API token "lab admin" was revoked.']]);
    expect((await token(['list'])).output).toMatch(/\nlab admin +admin( +\d{4}-\d\d-\d\d \d\d:\d\d UTC){3}\n$/);
  });

  it.each([
    ['a name taken', ['create', '--name', 'web team', '--role', 'editor'], 'A token named "web team" already exists: choose another name, or revoke it first (token revoke "web team").\n'],
    ['an unknown role', ['create', '--name', 'intern', '--role', 'owner'], 'Unknown role "owner": use one of editor, admin.\n'],
    ['no role', ['create', '--name', 'intern'], 'A token needs a role: --role editor|admin.\n'],
    ['an unknown name to revoke', ['revoke', 'nobody'], 'No token named "nobody". Tokens: "lab admin", "web team".\n'],
  ])('refuses %s with exit code 1 and says what', async (_case, args, message) => {
    if (!(await database.prisma.apiToken.findUnique({ where: { name: 'web team' } }))) {
      expect((await token(['create', '--name', 'web team', '--role', 'editor'])).code).toBe(0);
    }
    expect(await token(args)).toEqual({ code: 1, output: message });
  });

  it('refuses a bad command line with the usage text and exit code 2', async () => {
    const result = await token(['delete', 'web team']);
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/^Unknown command "delete"\.\n\nUsage: npm run token -- <command>/);
  });

  it('on an embedded database folder that a running server holds: says so, and how to go on', async () => {
    const dataDir = path.join(scratch, 'held');
    fs.mkdirSync(dataDir);
    // The lock file of a live process (this one) that holds the folder, as a running server does.
    fs.writeFileSync(path.join(dataDir, 'lab-publications.pid'), String(process.pid));
    const result = await token(['list'], { ...envWithout('DATABASE_URL'), PGLITE_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toBe(
      `The embedded database in ${dataDir} is in use by process ${process.pid}. Stop it first, or set DATABASE_URL to use PostgreSQL.\n` +
        'A running server (npm start) holds it: stop it, run this command, and start it again (it reads tokens on each request).\n',
    );
  });

  it('works on an embedded database folder (DATABASE_URL unset)', async () => {
    const env = { ...envWithout('DATABASE_URL'), PGLITE_DATA_DIR: path.join(scratch, 'embedded') };
    expect((await token(['create', '--name', 'web team', '--role', 'editor'], env)).output).toMatch(TOKEN_LINE);
    expect((await token(['list'], env)).output).toMatch(/^NAME.*\nweb team +editor /);
  });
});
