import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Resolvers } from './generated/graphql.js';
import { researcherResolvers } from './modules/researcher/resolvers.js';

/** schema.graphql is the single source of truth for the API's shape. */
export const typeDefs = fs.readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8');

export const resolvers: Resolvers[] = [researcherResolvers];
