import type { Publication } from '../../generated/prisma/client.js';
import type { Connection, Edge } from '../shared/pagination/connection.js';

/** What Publication fields resolve from: the database row (without its search vector). */
export type PublicationModel = Publication;
export type PublicationConnectionModel = Connection<PublicationModel>;
export type PublicationEdgeModel = Edge<PublicationModel>;
