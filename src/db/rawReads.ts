import pg from 'pg';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { statementName } from './preparedStatements.js';

/**
 * The read client of GraphQL queries (Database.readClient) sends `$queryRaw`
 * straight to its `pg` pool: most of the API's reads are raw statements
 * (modules/shared/pagination, the loaders), and Prisma's raw-query path
 * costs about 2.4 times the CPU of the same statement through the pool
 * (it serialises the parameters, goes through its query engine and builds
 * each row again from arrays: `scripts/perf-raw.ts`). The statement and its
 * parameters are Prisma's own (`Prisma.Sql`'s `text` has PostgreSQL's `$1`
 * placeholders), and the rows come back with the values Prisma would give
 * (parsers below; test/rawReads.test.ts compares both on every raw statement
 * the API's operations send).
 *
 * Everything else is Prisma Client as before: model queries, and
 * transactions, whose statements stay in their transaction. Writes never use
 * this client (graphql/readRouting.ts moves mutations to the primary's
 * plain client). The statements still go through the pool's `query`, so
 * replicas' fallback (replicas.ts), statement counting (metrics/statements.ts)
 * and tracing (OpenTelemetry's pg spans) see them as before.
 */

const TIMESTAMP = 1114;
const TIMESTAMP_ARRAY = 1115;
const DATE = 1082;
const DATE_ARRAY = 1182;
const INT8 = 20;
const INT8_ARRAY = 1016;
const OID = 26;
const NUMERIC = 1700;
const NUMERIC_ARRAY = 1231;
const TEXT_ARRAY = 1009;

/** PostgreSQL's first OID of user-defined types (enums, domains…): both pg and Prisma read those as text. */
const FIRST_USER_TYPE = 10_000;

/**
 * Types whose values pg's default parsers read as Prisma does: bool, int2,
 * int4, float4, float8, text, varchar, bpchar, name, uuid, json, jsonb,
 * timestamptz, and arrays of those.
 */
const READ_ALIKE = new Set([16, 21, 23, 700, 701, 25, 1043, 1042, 19, 2950, 114, 3802, 1184, 1000, 1005, 1007, 1021, 1022, 1009, 1015, 1014, 2951, 199, 3807, 1185]);

/**
 * Types that pg's default parsers read differently from Prisma, read here as
 * Prisma does: `timestamp` (Prisma's DateTime columns) and `date` are UTC for
 * Prisma, local time for pg; `bigint` and `oid` are BigInts for Prisma,
 * strings or numbers for pg (count(*) without a cast, row_number()); and
 * `numeric` is a Decimal for Prisma, a string for pg.
 */
function parsersOf(textArray: (text: string) => (string | null)[]): Map<number, (text: string) => unknown> {
  const utcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
  const utcDate = (text: string) => new Date(`${text}T00:00:00Z`);
  const decimal = (text: string) => new Prisma.Decimal(text);
  const arrayOf = (element: (text: string) => unknown) => (text: string) => textArray(text).map((item) => (item === null ? null : element(item)));
  return new Map<number, (text: string) => unknown>([
    [TIMESTAMP, utcTimestamp],
    [TIMESTAMP_ARRAY, arrayOf(utcTimestamp)],
    [DATE, utcDate],
    [DATE_ARRAY, arrayOf(utcDate)],
    [INT8, BigInt],
    [INT8_ARRAY, arrayOf(BigInt)],
    [OID, BigInt],
    [NUMERIC, decimal],
    [NUMERIC_ARRAY, arrayOf(decimal)],
  ]);
}

/** A parameter as Prisma sends it: an instant as UTC text (pg would write it in this process's time zone), a Decimal as its digits. */
function parameterOf(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  if (Array.isArray(value)) return value.map(parameterOf);
  return value;
}

/**
 * `prisma` with `$queryRaw` sent to `pool`. Made once per client (the same
 * one serves every request), not per request. A statement that returns a
 * column of a type not listed above (bytea, time, interval…: no read of the
 * API does) is run again through Prisma, so that its rows are Prisma's.
 */
export function withDirectRawReads(prisma: PrismaClient, pool: pg.Pool): PrismaClient {
  const defaultParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => (text: string) => unknown;
  const parsers = parsersOf(defaultParser(TEXT_ARRAY, 'text') as (text: string) => (string | null)[]);
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => parsers.get(oid) ?? defaultParser(oid, format),
  };
  const readAlike = (field: pg.FieldDef) => READ_ALIKE.has(field.dataTypeID) || parsers.has(field.dataTypeID) || field.dataTypeID >= FIRST_USER_TYPE;
  const queryRaw = async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<unknown> => {
    const sql = query instanceof Prisma.Sql ? query : new Prisma.Sql(query, values);
    // Named by its text: the pool's clients keep it prepared (preparedStatements.ts), or send it unnamed when that is off.
    const result = await pool.query({ name: statementName(sql.text), text: sql.text, values: sql.values.map(parameterOf), types });
    return result.fields.every(readAlike) ? result.rows : prisma.$queryRaw(sql);
  };
  return Object.create(prisma, {
    $queryRaw: { value: queryRaw },
    // A transaction's client is made from `prisma` itself: its raw statements run in the transaction, through Prisma.
    $transaction: { value: prisma.$transaction.bind(prisma) },
  }) as PrismaClient;
}
