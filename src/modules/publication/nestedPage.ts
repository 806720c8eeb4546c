import { readPageArgs, type PageArgs, type PageRequest } from '../shared/pagination/cursors.js';
import { publicationOrdering, type publicationOrderings, type PublicationOrder } from './data.js';

/** A nested list's order (relevance needs a search, which nested lists do not take) and page. */
export interface NestedPage {
  order: keyof typeof publicationOrderings;
  page: PageRequest;
}

/** The order and page of a nested publication list from its arguments (RELEVANCE is refused: it needs a search). */
export function nestedPage(args: PageArgs & { orderBy?: PublicationOrder | null }): NestedPage {
  const order = args.orderBy ?? 'YEAR_DESC';
  const page = readPageArgs(args, publicationOrdering(order, null));
  return { order: order as NestedPage['order'], page };
}
