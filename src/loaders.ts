import type { PrismaClient } from './generated/prisma/client.js';
import { createCitationLoaders } from './modules/citation/loaders.js';
import { createPublicationLoaders } from './modules/publication/loaders.js';
import { createResearcherLoaders } from './modules/researcher/loaders.js';
import { createRoleLoaders } from './modules/role/loaders.js';
import { createTopicLoaders } from './modules/topic/loaders.js';

/**
 * Every DataLoader of the API, made fresh for each request (see context.ts):
 * a list of N items with their relations costs a fixed number of statements.
 * Each module's loaders sit under its name (`loaders.publication.authors`).
 */
export function createLoaders(prisma: PrismaClient) {
  return {
    researcher: createResearcherLoaders(prisma),
    publication: createPublicationLoaders(prisma),
    topic: createTopicLoaders(prisma),
    role: createRoleLoaders(prisma),
    citation: createCitationLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
