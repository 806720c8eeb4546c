import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import { isRole, unauthenticated, type Viewer } from './viewer.js';

/**
 * API tokens: random, shown once when made, kept only as a SHA-256 hash. A
 * token has 256 random bits, so a fast hash is enough (no salt or slow hash
 * needed: there is nothing to guess), and lookup by hash is one index probe.
 */
export const TOKEN_PREFIX = 'lab_';

export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The viewer an API token stands for; UNAUTHENTICATED, saying why, when it does not hold. */
export async function viewerOfApiToken(prisma: PrismaClient, token: string): Promise<Viewer> {
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!row) throw unauthenticated('The API token is unknown: no such token here (mistyped, or made for another database).');
  if (row.revokedAt) throw unauthenticated(`The API token "${row.name}" was revoked.`);
  if (!isRole(row.role)) throw unauthenticated(`The API token "${row.name}" has an unknown role.`);
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { name: row.name, role: row.role, via: 'token' };
}
