import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * PostgreSQL text cannot hold the NUL character: a string argument carrying
 * one would fail in the database as an internal error. Any string in the
 * document or the variables with one is refused up front instead.
 */
function refusal(where: string): GraphQLError {
  return new GraphQLError(`Strings may not contain the NUL character (\\u0000); ${where} does.`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/** The variable path (`filter.search`, `ids[2]`) of the first string holding a NUL, if any. */
function nulInVariables(variables: Record<string, unknown>): string | undefined {
  const pending: [unknown, string][] = Object.entries(variables).map(([name, value]) => [value, name]);
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [value, path] = item;
    if (typeof value === 'string' && value.includes('\u0000')) return path;
    if (Array.isArray(value)) value.forEach((element, index) => pending.push([element, `${path}[${index}]`]));
    else if (value && typeof value === 'object') for (const [key, element] of Object.entries(value)) pending.push([element, `${path}.${key}`]);
  }
  return undefined;
}

/** The refusal of the first string of the document that holds a NUL, if any: the same for every request of the document. */
export function findNulInDocument(document: DocumentNode): GraphQLError | undefined {
  let found: GraphQLError | undefined;
  visit(document, {
    StringValue(node) {
      if (found || !node.value.includes('\u0000')) return;
      found = refusal(`the string at line ${node.loc?.startToken.line ?? '?'}, column ${node.loc?.startToken.column ?? '?'}`);
    },
  });
  return found;
}

/** The refusal of the first variable holding a NUL, if any. */
export function findNulInVariables(variables: Record<string, unknown> | undefined): GraphQLError | undefined {
  const path = variables ? nulInVariables(variables) : undefined;
  return path === undefined ? undefined : refusal(`variable "$${path}"`);
}

export function findNulCharacter(document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | undefined {
  return findNulInDocument(document) ?? findNulInVariables(variables);
}
