import fs from 'node:fs';
import { graphqlSchemaPath } from './db/paths.js';
import type { Resolvers } from './generated/graphql.js';
import { auditResolvers } from './modules/audit/resolvers.js';
import { citationResolvers } from './modules/citation/resolvers.js';
import { facetResolvers } from './modules/publication/facetsResolvers.js';
import { publicationResolvers } from './modules/publication/resolvers.js';
import { researcherResolvers } from './modules/researcher/resolvers.js';
import { roleResolvers } from './modules/role/resolvers.js';
import { sharedResolvers } from './modules/shared/resolvers.js';
import { topicResolvers } from './modules/topic/resolvers.js';

/** schema.graphql is the single source of truth for the API's shape. */
export const typeDefs = fs.readFileSync(graphqlSchemaPath, 'utf8');

export const resolvers: Resolvers[] = [
  sharedResolvers,
  researcherResolvers,
  publicationResolvers,
  topicResolvers,
  roleResolvers,
  auditResolvers,
  citationResolvers,
  facetResolvers,
];
