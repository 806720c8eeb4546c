import { badUserInput } from './errors.js';

/**
 * Relay global ids: opaque to clients, base64url of `Type:databaseId`, so
 * that `Query.node(id:)` knows which table to read.
 */
export type NodeType = 'Researcher' | 'Publication' | 'Topic' | 'Role';

export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Ids are PostgreSQL `integer`s: anything past this is no row's id. */
export const MAX_DATABASE_ID = 2_147_483_647;

const globalIdPattern = /^(Researcher|Publication|Topic|Role):([1-9]\d{0,9})$/;

/**
 * Reads a global id. Only the exact text toGlobalId writes is accepted (no
 * spaces, signs, leading zeros, decimals or other base64 spellings of it), so
 * each row has one id and a malformed one is a clear BAD_USER_INPUT, never a
 * database error.
 */
export function fromGlobalId(globalId: string, argumentName = 'id'): { type: NodeType; id: number } {
  const match = globalIdPattern.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  const type = match?.[1] as NodeType | undefined;
  const id = Number(match?.[2]);
  if (!type || id > MAX_DATABASE_ID || toGlobalId(type, id) !== globalId) {
    throw badUserInput(
      `Argument "${argumentName}" is not a valid id: ${JSON.stringify(globalId)}. Use an id returned by this API, e.g. Researcher.id.`,
      argumentName,
    );
  }
  return { type, id };
}

/** The database id behind a global id that must be of `expected` type. */
export function idOfType(globalId: string, expected: NodeType, argumentName = 'id'): number {
  const { type, id } = fromGlobalId(globalId, argumentName);
  if (type !== expected) {
    throw badUserInput(`Argument "${argumentName}" is the id of a ${type}, not of a ${expected}.`, argumentName);
  }
  return id;
}
