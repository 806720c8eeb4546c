import { badUserInput } from './errors.js';

/**
 * Relay global ids: opaque to clients, base64url of `Type:databaseId`, so
 * that `Query.node(id:)` knows which table to read.
 */
export type NodeType = 'Researcher' | 'Publication' | 'Topic' | 'Role';
const nodeTypes: readonly NodeType[] = ['Researcher', 'Publication', 'Topic', 'Role'];

export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string, argumentName = 'id'): { type: NodeType; id: number } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const [type, rawId, ...rest] = decoded.split(':');
  const id = Number(rawId);
  if (rest.length > 0 || !nodeTypes.includes(type as NodeType) || !Number.isSafeInteger(id) || id <= 0) {
    throw badUserInput(
      `Argument "${argumentName}" is not a valid id: ${JSON.stringify(globalId)}. Use an id returned by this API, e.g. Researcher.id.`,
      argumentName,
    );
  }
  return { type: type as NodeType, id };
}

/** The database id behind a global id that must be of `expected` type. */
export function idOfType(globalId: string, expected: NodeType, argumentName = 'id'): number {
  const { type, id } = fromGlobalId(globalId, argumentName);
  if (type !== expected) {
    throw badUserInput(`Argument "${argumentName}" is the id of a ${type}, not of a ${expected}.`, argumentName);
  }
  return id;
}
