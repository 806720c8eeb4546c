import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.js';
import { boundedPreparedStatementsClient, statementName } from '../src/db/preparedStatements.js';
import { Prisma } from '../src/generated/prisma/client.js';
import { createTestDatabase, usingPostgres, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The API's reads run as named prepared statements, a bounded number per
 * connection (DATABASE_PREPARED_STATEMENTS, src/db/preparedStatements.ts).
 * Each server here has a pool of one connection, so that what the pool runs
 * (pg_prepared_statements, which is per session) is what its requests left.
 * The embedded PGlite sends every statement unnamed (its connections share
 * one session): there, only that is checked.
 */

const document = (name: string) => readFileSync(new URL(`../documents/${name}.graphql`, import.meta.url), 'utf8');

/** Operations whose statements differ: together more than the small bound below. */
const operations: { query: string; variables?: Record<string, unknown> }[] = [
  { query: document('ResearcherPage'), variables: { slug: 'aristide-baratin' } },
  { query: document('LabMembers') },
  { query: document('Topics') },
  { query: document('SearchPublications'), variables: { search: 'momentum' } },
  { query: '{ publications(first: 5, orderBy: YEAR_ASC) { totalCount nodes { title } } }' },
];

interface Served {
  database: Database;
  api: TestServer;
}

let testDatabase: TestDatabase;
const servers: Served[] = [];

async function serve(preparedStatements: number): Promise<Served> {
  const database = await openDatabase({ databaseUrl: testDatabase.url, pgliteDataDir: '', databasePoolSize: 1, databasePreparedStatements: preparedStatements });
  const api = await startTestServer(database);
  servers.push({ database, api });
  return { database, api };
}

interface Prepared {
  name: string;
  statement: string;
  prepare_time: Date;
}

/** The named statements of the pool's one connection. */
async function preparedOf({ database }: Served): Promise<Prepared[]> {
  const { rows } = await database.pool.query<Prepared>('SELECT name, statement, prepare_time FROM pg_prepared_statements ORDER BY name');
  return rows;
}

async function answer({ api }: Served, operation: (typeof operations)[number]): Promise<unknown> {
  const { body } = await api.graphql(operation.query, operation.variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

let unbounded: Served;
/** The answers of `operations` from a server without prepared statements. */
let expected: unknown[];

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  const unnamed = await serve(0);
  expected = [];
  for (const operation of operations) expected.push(await answer(unnamed, operation));
  unbounded = await serve(100);
});

afterAll(async () => {
  for (const { api, database } of servers) {
    await api.close();
    await database.close();
  }
  await testDatabase?.drop();
});

describe('prepared statements of the API\'s reads', () => {
  it('are not sent named when DATABASE_PREPARED_STATEMENTS is 0, nor on the embedded PGlite', async () => {
    const unnamed = servers[0]!;
    for (const [index, operation] of operations.entries()) expect(await answer(unnamed, operation)).toEqual(expected[index]);
    expect(await preparedOf(unnamed)).toEqual([]);
    if (!usingPostgres) {
      for (const [index, operation] of operations.entries()) expect(await answer(unbounded, operation)).toEqual(expected[index]);
      expect(await preparedOf(unbounded)).toEqual([]);
    }
  });
});

describe.skipIf(!usingPostgres)('prepared statements of the API\'s reads on PostgreSQL', () => {
  it('are prepared once on a connection and reused by the next requests, with the same answers', async () => {
    expect(await answer(unbounded, operations[0]!)).toEqual(expected[0]);
    const first = await preparedOf(unbounded);
    expect(first.length).toBeGreaterThan(0);
    // Each is named by its text.
    for (const { name, statement } of first) expect(name).toBe(statementName(statement));

    // Another researcher: the same statements with other values.
    const other = await answer(unbounded, { query: operations[0]!.query, variables: { slug: 'does-not-exist' } });
    expect(other).toEqual({ researcher: null });
    expect(await answer(unbounded, operations[0]!)).toEqual(expected[0]);
    const again = await preparedOf(unbounded);
    // Not one statement prepared again: the same names, prepared at the same moment.
    expect(again).toEqual(first);
  });

  it('stay under the bound on a connection: the least recently used is deallocated, and runs again when asked', async () => {
    const bounded = await serve(2);
    for (const round of [0, 1]) {
      for (const [index, operation] of operations.entries()) {
        expect(await answer(bounded, operation), `round ${round}, operation ${index}`).toEqual(expected[index]);
        expect((await preparedOf(bounded)).length).toBeLessThanOrEqual(2);
      }
    }
    expect((await preparedOf(bounded)).length).toBe(2);
  });

  it('survive a statement that fails: one that does not parse is not kept, one that fails while running stays prepared', async () => {
    // Straight on a client of the pool's class: pg.Pool drops a connection after any error (and its statements with it).
    const Client = boundedPreparedStatementsClient(2);
    const client = new Client({ connectionString: testDatabase.url });
    await client.connect();
    try {
      const run = (text: string, values: unknown[]) => client.query({ name: statementName(text), text, values });
      const prepared = async () => (await client.query<Prepared>('SELECT name, statement, prepare_time FROM pg_prepared_statements ORDER BY name')).rows;

      const divide = 'SELECT 10 / $1::int AS quotient';
      expect((await run(divide, [5])).rows).toEqual([{ quotient: 2 }]);
      const [before] = await prepared();

      await expect(run('SELECT no_such_column FROM researcher WHERE slug = $1', ['x'])).rejects.toThrow(/no_such_column/u);
      expect(await prepared()).toEqual([before]);
      // The statement that did not parse took no place in the bound of 2: one more does not evict the first.
      expect((await run('SELECT $1::int + 1 AS next', [1])).rows).toEqual([{ next: 2 }]);
      const both = await prepared();
      expect(both.map(({ statement }) => statement).sort()).toEqual(['SELECT $1::int + 1 AS next', divide]);

      await expect(run(divide, [0])).rejects.toThrow(/division by zero/u);
      expect((await run(divide, [2])).rows).toEqual([{ quotient: 5 }]);
      // Still the statements prepared first, not parsed again.
      expect(await prepared()).toEqual(both);
    } finally {
      await client.end();
    }
  });

  it('are parsed again when PostgreSQL no longer has them (DEALLOCATE ALL) or their plan no longer fits (a table changed)', async () => {
    expect(await answer(unbounded, operations[1]!)).toEqual(expected[1]);
    await unbounded.database.pool.query('DEALLOCATE ALL');
    expect(await preparedOf(unbounded)).toEqual([]);
    expect(await answer(unbounded, operations[1]!)).toEqual(expected[1]);
    expect((await preparedOf(unbounded)).length).toBeGreaterThan(0);

    // A temporary table lives in the pool's one session, where the statements run.
    await unbounded.database.pool.query('CREATE TEMPORARY TABLE prepared_probe (a int); INSERT INTO prepared_probe VALUES (1)');
    const reads = unbounded.database.readClient();
    const probe = () => reads.$queryRaw(Prisma.sql`SELECT * FROM prepared_probe WHERE a = ${1}`);
    expect(await probe()).toEqual([{ a: 1 }]);
    await unbounded.database.pool.query('ALTER TABLE prepared_probe ADD COLUMN b text');
    expect(await probe()).toEqual([{ a: 1, b: null }]);
  });
});
