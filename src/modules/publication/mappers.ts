import type { Publication } from '../../generated/prisma/client.js';
import type { Connection, Edge } from '../shared/pagination/connection.js';
import type { PublicationFilter } from './data.js';

/** What Publication fields resolve from: the database row (without its search vector). */
export type PublicationModel = Publication;
/** A page of publications; `filter` is set on Query.publications' pages, whose facets count it (facets.ts). */
export type PublicationConnectionModel = Connection<PublicationModel> & { filter?: PublicationFilter };
export type PublicationEdgeModel = Edge<PublicationModel>;
