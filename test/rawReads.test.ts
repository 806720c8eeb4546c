// @module-tag database
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDirectRawReads } from '../src/db/rawReads.js';
import { Prisma, type PrismaClient } from '../src/generated/prisma/client.js';
import { recordRawStatements } from '../scripts/support/rawStatements.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';
import { createApiToken } from './support/tokens.js';

/**
 * The read client sends `$queryRaw` straight to the pg pool (src/db/rawReads.ts).
 * Its rows must be the ones Prisma's `$queryRaw` returns, value for value
 * and type for type: every raw statement that the frontends' operations
 * (documents/), the benchmark's and a few more send is recorded through
 * the server, then run both ways and compared. This process runs in a time
 * zone that is not UTC, where pg's own parsers would shift `timestamp`
 * columns and parameters.
 */
process.env.TZ = 'America/Montreal';

let seeded: SeededApi;
let prisma: PrismaClient;
let direct: PrismaClient;
/** Statements the read client left to Prisma (a column of a type it does not read). */
let leftToPrisma = 0;

beforeAll(async () => {
  seeded = await startSeededApi();
  prisma = seeded.database.prisma;
  const counting = Object.create(prisma, {
    $queryRaw: {
      value: (...args: Parameters<PrismaClient['$queryRaw']>) => {
        leftToPrisma += 1;
        return prisma.$queryRaw(...args);
      },
    },
  }) as PrismaClient;
  direct = withDirectRawReads(counting, seeded.database.pool);
});
afterAll(() => seeded.close());

const document = (name: string) => readFileSync(new URL(`../documents/${name}.graphql`, import.meta.url), 'utf8');

describe("the read client's raw statements", () => {
  it('return the rows Prisma returns, for every raw statement the operations send', async () => {
    const admin = await createApiToken(prisma, 'raw-reads-admin', 'admin');
    const authorization = { authorization: `Bearer ${admin}` };
    // An audit entry (its `at` is a timestamp column), written by a mutation.
    const { body } = await seeded.api.graphql<{ researcher: { id: string } }>('{ researcher(slug: "aristide-baratin") { id } }');
    const rename = await fetch(`${seeded.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization },
      body: JSON.stringify({
        query: 'mutation Rename($id: ID!) { updateResearcher(id: $id, patch: { organization: "Mila" }) { researcher { id } } }',
        variables: { id: body.data!.researcher.id },
      }),
    });
    expect(rename.status).toBe(200);
    const auditPage = await fetch(`${seeded.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization },
      body: JSON.stringify({ query: '{ auditLog(first: 1) { pageInfo { endCursor } } }' }),
    });
    const auditCursor = ((await auditPage.json()) as { data: { auditLog: { pageInfo: { endCursor: string } } } }).data.auditLog.pageInfo.endCursor;

    const operations = [
      { query: document('LabMembers') },
      { query: document('ResearcherPage'), variables: { slug: 'aristide-baratin' } },
      { query: document('SearchPublications'), variables: { search: 'momentum' } },
      { query: document('SearchPublications'), variables: { topic: 'deep-learning', author: 'aristide-baratin' } },
      { query: document('Topics') },
      { query: '{ researchers(first: 5, orderBy: PUBLICATION_COUNT) { totalCount nodes { name publicationCount roles { key } } } }' },
      { query: '{ publications(first: 5, orderBy: YEAR_ASC, after: null) { totalCount pageInfo { endCursor } nodes { title } } }' },
      { query: '{ publications(first: 5) { facets { years { year count } topics { count topic { slug } } authors(first: 3) { count researcher { slug } } withCode } } }' },
      { query: '{ topic(slug: "deep-learning") { researchers(first: 3) { totalCount nodes { name } } publications(first: 3) { totalCount nodes { title } } } }' },
      { query: 'query After($after: String) { auditLog(first: 5, after: $after) { totalCount nodes { action at } } }', variables: { after: auditCursor }, headers: authorization },
    ];
    // The resolvers' statements, then the compiled reads' (src/graphql/compiled/: one statement per operation they compile).
    const statements = [
      ...(await recordRawStatements(seeded.database, operations, { compiledReads: false })),
      ...(await recordRawStatements(seeded.database, operations)),
    ];
    expect(statements.length).toBeGreaterThan(20);
    leftToPrisma = 0;
    const types = new Set<string>();
    for (const sql of statements) {
      const fromPrisma = await prisma.$queryRaw<Record<string, unknown>[]>(sql);
      const fromPool = await direct.$queryRaw<Record<string, unknown>[]>(sql);
      expect(fromPool, sql.text).toStrictEqual(fromPrisma);
      for (const row of fromPrisma) for (const value of Object.values(row)) types.add(value instanceof Date ? 'Date' : Array.isArray(value) ? 'array' : typeof value);
    }
    // The statements return each kind of value the API reads: instants, whole numbers, texts, arrays, JSON objects.
    expect([...types].sort()).toEqual(expect.arrayContaining(['Date', 'array', 'boolean', 'number', 'object', 'string']));
    // And every one of them was read from the pool, none left to Prisma.
    expect(leftToPrisma).toBe(0);
  });

  it('read and send every type as Prisma does, in a time zone that is not UTC', async () => {
    const instant = new Date('2026-03-08T06:30:00.123Z');
    const statements = [
      Prisma.sql`SELECT ${instant}::timestamp(3) AS "sent", '2026-01-01 23:30:00.5'::timestamp(3) AS "timestamp",
        '2026-01-01 23:30:00+02'::timestamptz AS "timestamptz", '2026-02-01'::date AS "date",
        ARRAY['2026-01-01 00:00:00'::timestamp] AS "timestamps", NULL::timestamp AS "none"`,
      Prisma.sql`SELECT count(*) AS "bigint", 7::int AS "int", ARRAY[1, 2]::bigint[] AS "bigints", 2.50::numeric AS "numeric",
        1.5::float8 AS "float", true AS "bool", ${[1, 2, 3]}::int[] AS "ints"`,
      Prisma.sql`SELECT '{"a": [1, {"b": null}]}'::jsonb AS "jsonb", ARRAY['a', 'b c', NULL] AS "texts", 'x'::varchar AS "varchar"`,
    ];
    leftToPrisma = 0;
    for (const sql of statements) expect(await direct.$queryRaw(sql), sql.text).toStrictEqual(await prisma.$queryRaw(sql));
    expect(leftToPrisma).toBe(0);
    const [row] = await direct.$queryRaw<{ sent: Date; timestamp: Date; bigint: bigint; numeric: Prisma.Decimal }[]>(statements[0]!);
    expect(row!.sent).toEqual(instant);
    expect(row!.timestamp).toEqual(new Date('2026-01-01T23:30:00.500Z'));
  });

  it('leave to Prisma a statement with a column of a type they do not read (bytea): the rows are still Prisma\'s', async () => {
    const sql = Prisma.sql`SELECT '\\x0102'::bytea AS "bytes", '12:30:00'::time AS "time"`;
    leftToPrisma = 0;
    const rows = await direct.$queryRaw<{ bytes: Uint8Array }[]>(sql);
    expect(leftToPrisma).toBe(1);
    expect(rows).toStrictEqual(await prisma.$queryRaw(sql));
    expect([...rows[0]!.bytes]).toEqual([1, 2]);
  });

  it('keep transactions on Prisma: a raw statement in a transaction sees its writes', async () => {
    const seen = await direct.$transaction(async (tx) => {
      await tx.$executeRaw`CREATE TEMPORARY TABLE raw_reads_probe (id int) ON COMMIT DROP`;
      await tx.$executeRaw`INSERT INTO raw_reads_probe VALUES (1)`;
      return tx.$queryRaw<{ id: number }[]>`SELECT id FROM raw_reads_probe`;
    });
    expect(seen).toEqual([{ id: 1 }]);
  });
});
