import type { PrismaClient } from './generated/prisma/client.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives. Loaders are new for each request: a cache never outlives it. */
export interface GraphQLContext {
  prisma: PrismaClient;
  loaders: Loaders;
  requestId: string;
}

export function createContext(prisma: PrismaClient, requestId: string): GraphQLContext {
  return { prisma, loaders: createLoaders(prisma), requestId };
}
