import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one GraphQL request is measured by while it runs: the SQL statements it
 * sends and the DataLoader batches it makes. The pool hook (statements.ts) and
 * the loaders (modules/shared/batch.ts) report here without being handed
 * anything: AsyncLocalStorage finds the request they run for. Outside a
 * request, or with metrics off, there is no scope and reports are dropped.
 */
export interface RequestScope {
  statements: number;
  observeBatch(size: number): void;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) inside `scope`. */
export function runInScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** One SQL statement sent on behalf of the current request, if any. */
export function countStatement(): void {
  const scope = scopes.getStore();
  if (scope) scope.statements += 1;
}

/** A DataLoader batch of `size` keys made for the current request, if any. */
export function observeBatch(size: number): void {
  scopes.getStore()?.observeBatch(size);
}
