import { encodeCursor, type Ordering, type PageRequest, type SortValue } from './cursors.js';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * Builds the connection from rows fetched with `limit + 1` rows: the extra
 * row, when present, says that there is a further page.
 */
export function toConnection<T>(
  rows: T[],
  request: PageRequest,
  ordering: Ordering,
  sortValues: (row: T) => SortValue[],
  totalCount: () => Promise<number>,
): Connection<T> {
  const hasMore = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  if (!request.forward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(ordering, sortValues(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: request.forward ? hasMore : request.cursor !== null,
      hasPreviousPage: request.forward ? request.cursor !== null : hasMore,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
