import { Prisma } from '../../generated/prisma/client.js';
import type { NodeType } from '../../modules/shared/nodeId.js';

/**
 * SQL that writes values as the resolvers' JSON answers hold them, for
 * field compilers (types.ts). Each must give the same text as its JS
 * counterpart: test/compiledReads.test.ts compares whole answers.
 */

/** base64url without padding of text's UTF-8 bytes, as Buffer#toString('base64url') writes it (encode adds a newline every 76 characters). */
export function base64urlSql(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
}

/** A global id, as toGlobalId (modules/shared/nodeId.ts) writes it: base64url of `Type:id`. */
export function globalIdSql(type: NodeType, id: Prisma.Sql): Prisma.Sql {
  return base64urlSql(Prisma.sql`${Prisma.raw(`'${type}:'`)} || ${id}`);
}

/** A DateTime as Date#toISOString writes it (our timestamp(3) columns hold UTC): `2026-11-27T08:00:00.000Z`. */
export function dateTimeSql(timestamp: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${timestamp}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A list field's JSON: the aggregate of a subquery, `[]` (never null) when it has no rows. */
export function jsonListSql(aggregateSubquery: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((${aggregateSubquery}), '[]'::json)`;
}
