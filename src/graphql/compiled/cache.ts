import type { DocumentNode } from 'graphql';
import type { compileOperation, CompiledOperation } from './compiler.js';

/** Variable sets kept per document: a page's operation with each of its slugs (oldest dropped first). */
const PER_DOCUMENT = 256;

/**
 * compileOperation, remembered per (document, operation name, variables).
 * Apollo hands every request of the same text the same parsed document (its
 * document store), so each document's entries go when the store drops it.
 * Compiling costs 40-100 µs per bench operation (measured in a loop at load
 * 10 on 2 cores), a lookup about 1 µs; a null (the resolvers answer) is
 * remembered too.
 */
export function cachedCompiler(compile: typeof compileOperation): typeof compileOperation {
  const byDocument = new WeakMap<DocumentNode, Map<string, CompiledOperation | null>>();
  return (schema, registry, document, operationName, variables) => {
    let entries = byDocument.get(document);
    if (!entries) byDocument.set(document, (entries = new Map<string, CompiledOperation | null>()));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    const known = entries.get(key);
    if (known !== undefined) return known;
    const compiled = compile(schema, registry, document, operationName, variables);
    if (entries.size >= PER_DOCUMENT) entries.delete(entries.keys().next().value!);
    entries.set(key, compiled);
    return compiled;
  };
}
