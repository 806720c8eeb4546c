import type { GraphQLResolveInfo } from 'graphql';
import type { Publication as PublicationType } from '../../generated/graphql.js';
import type { Publication } from '../../generated/prisma/client.js';
import { columnsFor, columnsOf, type Columns, type FieldColumns } from '../shared/columns.js';
import { requestedFields } from '../shared/selection.js';
import type { PublicationKey, PublicationModel } from './mappers.js';

/** A publication row as `p`, every column: raw rows are whole Publications. */
export const publicationColumns = columnsOf('Publication', 'p');

/**
 * Always selected: the id (global id, loaders), title_key (Node.__resolveType
 * tells a publication by it) and hidden_at (visibleTo, hidden).
 */
const publicationKey: readonly PublicationKey[] = ['id', 'titleKey', 'hiddenAt'];

/** The columns each Publication field reads. */
const publicationFieldColumns: FieldColumns<PublicationType, Publication> = {
  id: [],
  title: ['title'],
  abstract: ['abstract'],
  abstractTruncated: ['abstractTruncated'],
  codeUrl: ['codeUrl'],
  year: ['year'],
  venue: ['venue'],
  doi: ['doi'],
  arxivId: ['arxivId'],
  url: ['url'],
  openAlexId: ['openAlexId'],
  citationCount: ['citationCount'],
  openAccessUrl: ['openAccessUrl'],
  provenance: ['provenance'],
  hidden: ['hiddenReason'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  authors: [],
  topics: [],
  // A citation is made from the whole row, which Publication.citation loads by id.
  citation: [],
};

/** The columns of the publications at `paths` below the field being resolved (connectionNodes for a connection). */
export function publicationColumnsFor(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): Columns<PublicationModel> {
  return columnsFor(publicationColumns, publicationKey, publicationFieldColumns, requestedFields(info, paths));
}
