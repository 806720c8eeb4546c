import type { PrismaClient } from './generated/prisma/client.js';
import { createResearcherLoaders } from './modules/researcher/loaders.js';

/** Every DataLoader of the API, made fresh for each request (see context.ts). */
export function createLoaders(prisma: PrismaClient) {
  return {
    ...createResearcherLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
