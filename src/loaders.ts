import type { PrismaClient } from './generated/prisma/client.js';
import { createPublicationLoaders } from './modules/publication/loaders.js';
import { createResearcherLoaders } from './modules/researcher/loaders.js';
import { createRoleLoaders } from './modules/role/loaders.js';
import { createTopicLoaders } from './modules/topic/loaders.js';

/**
 * Every DataLoader of the API, made fresh for each request (see context.ts):
 * a list of N items with their relations costs a fixed number of statements.
 */
export function createLoaders(prisma: PrismaClient) {
  return {
    ...createResearcherLoaders(prisma),
    ...createPublicationLoaders(prisma),
    ...createTopicLoaders(prisma),
    ...createRoleLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
