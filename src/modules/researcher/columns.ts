import type { GraphQLResolveInfo } from 'graphql';
import type { Researcher as ResearcherType } from '../../generated/graphql.js';
import type { Researcher } from '../../generated/prisma/client.js';
import { columnsFor, columnsOf, type Columns, type FieldColumns } from '../shared/columns.js';
import { requestedFields } from '../shared/selection.js';
import type { ResearcherKey, ResearcherModel } from './mappers.js';

/** A researcher row as `r`, every column: raw rows are whole Researchers. */
export const researcherColumns = columnsOf('Researcher', 'r');

/** Always selected: the id (global id, loaders) and name_key (Node.__resolveType tells a researcher by it). */
const researcherKey: readonly ResearcherKey[] = ['id', 'nameKey'];

/** The columns each Researcher field reads. */
const researcherFieldColumns: FieldColumns<ResearcherType, Researcher> = {
  id: [],
  slug: ['slug'],
  name: ['name'],
  aliases: ['aliases'],
  position: ['positionId'],
  positionFr: ['positionId'],
  organization: ['organization'],
  isMember: ['isMember'],
  orcid: ['orcid'],
  provenance: ['provenance'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  roles: [],
  topics: [],
  publicationCount: [],
  publications: [],
  coauthors: [],
  citations: [],
};

/** The columns of the researchers at `paths` below the field being resolved (connectionNodes for a connection). */
export function researcherColumnsFor(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): Columns<ResearcherModel> {
  return columnsFor(researcherColumns, researcherKey, researcherFieldColumns, requestedFields(info, paths));
}
