import type { Researcher } from '../../generated/prisma/client.js';
import type { PartialRow } from '../shared/columns.js';
import type { Connection, Edge } from '../shared/pagination/connection.js';

/** The fields every researcher row carries, whatever the query asked (columns.ts says why). */
export type ResearcherKey = 'id' | 'nameKey';
/**
 * What Researcher fields resolve from: a database row with its key fields and
 * the columns the query's fields read (researcherFieldColumns); lookups by id
 * or slug and writes give whole rows.
 */
export type ResearcherModel = PartialRow<Researcher, ResearcherKey>;
export type ResearcherConnectionModel = Connection<ResearcherModel>;
export type ResearcherEdgeModel = Edge<ResearcherModel>;

export interface CoauthorModel {
  researcher: ResearcherModel;
  sharedPublications: number;
}
