import type { AuthConfig } from '../config.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { TOKEN_PREFIX, viewerOfApiToken } from './apiTokens.js';
import { createJwtVerifier, type JwtVerifier } from './jwt.js';
import { unauthenticated, type Viewer } from './viewer.js';

/**
 * Turns a request's Authorization header into a viewer, lazily: reads never
 * pay for it, and the first resolver that needs it (a mutation, the audit
 * log) waits for it. So a public read ignores the header altogether, even a
 * bad one; a header that is there but does not hold fails every resolver that
 * asks who sends the request, never falls back to anonymous.
 */
export type Authenticate = () => Promise<Viewer | null>;

/** Makes each request's Authenticate; built once per server (it holds the JWT provider's cached keys). */
export type Authenticator = (authorization: string | undefined) => Authenticate;

/** Three base64url parts separated by dots: header.payload.signature. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

export function createAuthenticator(prisma: PrismaClient, config: AuthConfig): Authenticator {
  const verifyJwt = config.jwt ? createJwtVerifier(config.jwt) : undefined;
  return (authorization) => {
    let viewer: Promise<Viewer | null> | undefined;
    return () => (viewer ??= viewerOf(prisma, verifyJwt, authorization));
  };
}

async function viewerOf(prisma: PrismaClient, verifyJwt: JwtVerifier | undefined, authorization: string | undefined): Promise<Viewer | null> {
  if (authorization === undefined || authorization.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header is malformed: it must be "Bearer <token>".');
  const token = match[1]!;
  // Dispatch by shape: our API tokens start with lab_, JWTs are three dotted parts.
  if (token.startsWith(TOKEN_PREFIX)) return viewerOfApiToken(prisma, token);
  if (JWT_SHAPE.test(token)) {
    if (!verifyJwt) throw unauthenticated('The token is a JWT, but this server accepts no JWTs (AUTH_JWKS_URL is not set): use an API token (lab_…).');
    return verifyJwt(token);
  }
  throw unauthenticated(`The token is malformed: neither an API token (${TOKEN_PREFIX}…) nor a JWT (header.payload.signature).`);
}
