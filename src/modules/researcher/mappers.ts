import type { Researcher } from '../../generated/prisma/client.js';
import type { Connection, Edge } from '../shared/pagination/connection.js';

/** What Researcher fields resolve from: the database row. */
export type ResearcherModel = Researcher;
export type ResearcherConnectionModel = Connection<ResearcherModel>;
export type ResearcherEdgeModel = Edge<ResearcherModel>;

export interface CoauthorModel {
  researcher: ResearcherModel;
  sharedPublications: number;
}
