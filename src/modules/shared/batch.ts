/**
 * Helpers for DataLoader batch functions, which must return one result per
 * key, in key order.
 */

import DataLoader from 'dataloader';
import { observeBatch } from '../../metrics/requestScope.js';

/** A DataLoader whose batch sizes go to the request's metrics (a no-op with metrics off). */
export function batchLoader<K, V>(load: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  return new DataLoader((keys) => {
    observeBatch(keys.length);
    return load(keys);
  });
}

/** Rows by id, one statement per batch; null for an id with no row. */
export function loaderById<T extends { id: number }>(find: (ids: number[]) => Promise<T[]>): DataLoader<number, T | null> {
  return batchLoader(async (ids) => byKey(ids, await find([...ids]), (row) => row.id, (row) => row, null));
}

/** One value per key, or `fallback` for keys the rows do not mention. */
export function byKey<K, R, V>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, valueOf: (row: R) => V, fallback: V): V[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), valueOf(row));
  return keys.map((key) => (map.has(key) ? (map.get(key) as V) : fallback));
}

/** The rows of each key, in the rows' order; an empty list for keys without rows. */
export function groupByKey<K, R, V = R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, valueOf: (row: R) => V = (row) => row as unknown as V): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(valueOf(row));
    else map.set(key, [valueOf(row)]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * One loader per distinct set of field arguments (`publications(first: 5)` and
 * `publications(first: 10)` batch separately), made on first use within the
 * request that owns the cache.
 */
export function loaderPerArguments<A, L>(make: (args: A) => L): (args: A) => L {
  const cache = new Map<string, L>();
  return (args: A) => {
    const key = JSON.stringify(args);
    let loader = cache.get(key);
    if (!loader) cache.set(key, (loader = make(args)));
    return loader;
  };
}
