import type { Publication } from '../../generated/prisma/client.js';
import type { PartialRow } from '../shared/columns.js';
import type { Connection, Edge } from '../shared/pagination/connection.js';
import type { PublicationFilter } from './data.js';

/** The fields every publication row carries, whatever the query asked (columns.ts says why). */
export type PublicationKey = 'id' | 'titleKey' | 'hiddenAt';
/**
 * What Publication fields resolve from: a database row (without its search
 * vector) with its key fields and the columns the query's fields read
 * (publicationFieldColumns); lookups by id and writes give whole rows.
 */
export type PublicationModel = PartialRow<Publication, PublicationKey>;
/** A page of publications; `filter` is set on Query.publications' pages, whose facets count it (facets.ts). */
export type PublicationConnectionModel = Connection<PublicationModel> & { filter?: PublicationFilter };
export type PublicationEdgeModel = Edge<PublicationModel>;
