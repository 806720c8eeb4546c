import { AsyncResource } from 'node:async_hooks';
import type pg from 'pg';
import { countStatement } from './requestScope.js';

const counted = new WeakSet<pg.PoolClient>();
const bound = new WeakSet<pg.Pool>();

/**
 * Counts every statement sent through `pool` for the request it serves
 * (requestScope.ts): Prisma's queries, raw SQL and transactions all reach
 * PostgreSQL through a pool client's `query`, so each client checked out is
 * wrapped once. Returns the function that stops wrapping new clients.
 */
export function countStatementsOf(pool: pg.Pool): () => void {
  keepCallerContext(pool);
  const wrap = (client: pg.PoolClient) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      countStatement();
      return query(...args);
    }) as typeof client.query;
  };
  pool.on('acquire', wrap);
  return () => pool.off('acquire', wrap);
}

/**
 * `pool.query` checks a client out with a callback; when every client is
 * busy, pg-pool calls it from whichever request releases one, in that
 * request's async context. Bound here, the callback (and the statement it
 * sends) stays in the context of the request that asked.
 */
function keepCallerContext(pool: pg.Pool): void {
  if (bound.has(pool)) return;
  bound.add(pool);
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => unknown;
  pool.connect = ((callback?: (...args: unknown[]) => void) =>
    callback ? connect(AsyncResource.bind(callback)) : connect()) as typeof pool.connect;
}
