import type { PrismaClient } from '../generated/prisma/client.js';
import { viewerOfApiToken } from './apiTokens.js';
import { unauthenticated, type Viewer } from './viewer.js';

/**
 * Turns a request's Authorization header into a viewer, lazily: reads never
 * pay for it, and the first resolver that needs it (a mutation) waits for it.
 * A header that is there but does not hold is an error, never anonymous.
 */
export type Authenticate = () => Promise<Viewer | null>;

export function authenticator(prisma: PrismaClient, authorization: string | undefined): Authenticate {
  let viewer: Promise<Viewer | null> | undefined;
  return () => (viewer ??= viewerOf(prisma, authorization));
}

async function viewerOf(prisma: PrismaClient, authorization: string | undefined): Promise<Viewer | null> {
  if (authorization === undefined || authorization.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return viewerOfApiToken(prisma, match[1]!);
}
