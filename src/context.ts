import type { Authenticate } from './auth/authenticate.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { ProfileImporter } from './modules/import/files.js';

/** What every resolver receives. Loaders are new for each request: a cache never outlives it. */
export interface GraphQLContext {
  prisma: PrismaClient;
  loaders: Loaders;
  requestId: string;
  /** Who sends the request, read from its Authorization header on first use (src/auth/). */
  authenticate: Authenticate;
  /** seed/'s profile importer for the importProfiles mutation, when the server was given one (src/index.ts). */
  importer?: ProfileImporter;
}

/** `authenticate` comes from the server's Authenticator (src/auth/authenticate.ts), given the request's Authorization header. */
export function createContext(prisma: PrismaClient, requestId: string, authenticate: Authenticate, importer?: ProfileImporter): GraphQLContext {
  return { prisma, loaders: createLoaders(prisma), requestId, authenticate, importer };
}
