import type { Authenticate } from './auth/authenticate.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives. Loaders are new for each request: a cache never outlives it. */
export interface GraphQLContext {
  prisma: PrismaClient;
  loaders: Loaders;
  requestId: string;
  /** Who sends the request, read from its Authorization header on first use (src/auth/). */
  authenticate: Authenticate;
}

/** `authenticate` comes from the server's Authenticator (src/auth/authenticate.ts), given the request's Authorization header. */
export function createContext(prisma: PrismaClient, requestId: string, authenticate: Authenticate): GraphQLContext {
  return { prisma, loaders: createLoaders(prisma), requestId, authenticate };
}
