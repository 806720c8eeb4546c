import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { columnOf, tableOf, type RowOf } from './columns.js';
import { badUserInput } from './errors.js';

/** How a filter argument names a row: by which field of which model (a topic's slug, a role's key). */
export interface KeyField<M extends Prisma.ModelName> {
  model: M;
  field: keyof RowOf<M> & string;
  /** List the known keys in the error (short vocabularies); otherwise the error says which field to pass. */
  listKnown: boolean;
}

/** The id of the row the key names, or a BAD_USER_INPUT error naming the argument and what would do. */
export async function requireId<M extends Prisma.ModelName>(prisma: PrismaClient, by: KeyField<M>, key: string, argumentName: string): Promise<number> {
  const table = tableOf(prisma, by.model);
  const column = columnOf(prisma, by.model, by.field);
  const [row] = await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM ${table} WHERE ${column} = ${key}`;
  if (row) return row.id;
  const noun = by.model.toLowerCase();
  let hint = `: pass a ${by.model}.${by.field}.`;
  if (by.listKnown) {
    const known = await prisma.$queryRaw<{ key: string }[]>`SELECT ${column} AS key FROM ${table} ORDER BY ${column}`;
    hint = `. Known ${noun}s: ${known.map((k) => k.key).join(', ') || 'none yet'}.`;
  }
  throw badUserInput(`Unknown ${noun} "${key}" in ${argumentName}${hint}`, argumentName);
}
