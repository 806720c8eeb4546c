import { GraphQLError } from 'graphql';
import type { Prisma } from '../../generated/prisma/client.js';
import type { GraphQLContext } from '../../context.js';
import { createLoaders } from '../../loaders.js';
import { badUserInput } from './errors.js';
import type { Provenance } from './provenance.js';

/**
 * What every mutation shares: one interactive transaction for the change and
 * its audit entry, the optimistic concurrency check, the audit's changed-field
 * diff, and fresh loaders afterwards so the payload reads the new rows.
 */

export type Tx = Prisma.TransactionClient;

/** Longest a mutation waits for a pool connection, and runs (a merge of two busy people is the largest). */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

/**
 * Runs `work` in one transaction: every row it writes and its audit entry
 * are kept together, or none of them. Afterwards the request's loaders are
 * made anew: anything they cached before the change is gone, so the payload
 * (and every field under it) reads the rows as they are now.
 */
export async function inWriteTransaction<T>(context: GraphQLContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await context.prisma.$transaction(work, TRANSACTION_OPTIONS).catch((error: unknown) => {
    throw uniqueViolationAsInput(error) ?? error;
  });
  context.loaders = createLoaders(context.prisma);
  return result;
}

/** The row changed since the client read it: nothing is written. */
export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

/**
 * Optimistic concurrency: when the client says which `updatedAt` it saw, the
 * (locked) row must still have it. Timestamps are kept to the millisecond.
 */
export function checkUnchangedSince(what: string, updatedAt: Date, expected: Date | null | undefined): void {
  if (expected == null || expected.getTime() === updatedAt.getTime()) return;
  throw conflict(
    `${what} changed since you read it: its updatedAt is ${updatedAt.toISOString()}, not ${expected.toISOString()}. Read it again, then apply your change to what is there now.`,
  );
}

/** Locks a row for the rest of the transaction (SELECT … FOR UPDATE); false when there is no such row. */
export async function lockRow(tx: Tx, table: 'publication' | 'researcher', id: number): Promise<boolean> {
  const rows =
    table === 'publication'
      ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM publication WHERE id = ${id} FOR UPDATE`
      : await tx.$queryRaw<{ id: number }[]>`SELECT id FROM researcher WHERE id = ${id} FOR UPDATE`;
  return rows.length > 0;
}

/** JSON-able form of a value for the audit log (dates as ISO strings). */
function auditValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/** The fields whose value differs, before and after: what the audit log keeps. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const changed = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const field of Object.keys(after)) {
    const [old, now] = [auditValue(before[field]), auditValue(after[field])];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    changed.before[field] = old;
    changed.after[field] = now;
  }
  return changed;
}

/** The row's provenance with `fields` marked as set by a person: no import overwrites them. */
export function curated(current: Provenance, fields: string[]): Prisma.InputJsonObject {
  return { ...current, ...Object.fromEntries(fields.map((field) => [field, 'curation'])) };
}

/** True when every field is already marked as a person's correction. */
export function allCurated(current: Provenance, fields: string[]): boolean {
  return fields.every((field) => current[field] === 'curation');
}

/** Unique indexes a client's value can run into, and the API field each one is about. */
const uniqueIndexes: Record<string, string> = {
  publication_doi_key: 'doi',
  publication_arxiv_id_key: 'arxivId',
  publication_title_key_key: 'title',
  researcher_orcid_key: 'orcid',
};

/**
 * A unique violation (PostgreSQL 23505, Prisma P2002) on a value the client
 * gave (a DOI, an ORCID another row already has), as BAD_USER_INPUT naming
 * the field; undefined for any other error.
 */
export function uniqueViolationAsInput(error: unknown): GraphQLError | undefined {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : '';
  if (!/P2002|23505/u.test(text)) return undefined;
  const index = Object.keys(uniqueIndexes).find((name) => text.includes(name));
  if (!index) return undefined;
  const field = uniqueIndexes[index]!;
  return badUserInput(`Another ${index.split('_')[0]} already has this ${field}: ${field} must be unique. Nothing was changed.`, field);
}
