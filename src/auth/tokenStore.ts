import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { hashApiToken, newApiToken } from './apiTokens.js';
import { isRole, roles, type Role } from './viewer.js';

/**
 * Making, listing and revoking API tokens (`npm run token`, scripts/token.ts).
 * Only the token's hash is stored: the token itself is returned once, by
 * createApiToken, and cannot be read back.
 */

/** A refusal the person running the command can fix: the message says what and how. */
export class TokenCommandError extends Error {
  override name = 'TokenCommandError';
}

export interface ApiTokenInfo {
  name: string;
  role: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The name, trimmed; refused when empty or too long. */
export function readTokenName(name: string | undefined): string {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '') throw new TokenCommandError('A token needs a name: --name "web team" (what the audit log shows for its changes).');
  if (trimmed.length > 100) throw new TokenCommandError(`The name is ${trimmed.length} characters long; keep it to 100.`);
  return trimmed;
}

/** The role; refused, with the allowed ones, when unknown. */
export function readTokenRole(role: string | undefined): Role {
  if (role === undefined) throw new TokenCommandError(`A token needs a role: --role ${roles.join('|')}.`);
  if (!isRole(role)) throw new TokenCommandError(`Unknown role "${role}": use one of ${roles.join(', ')}.`);
  return role;
}

/** Makes a token and returns it: the one time it is ever shown. */
export async function createApiToken(prisma: PrismaClient, name: string | undefined, role: string | undefined): Promise<string> {
  const tokenName = readTokenName(name);
  const tokenRole = readTokenRole(role);
  const token = newApiToken();
  try {
    await prisma.apiToken.create({ data: { name: tokenName, role: tokenRole, tokenHash: hashApiToken(token) } });
  } catch (error) {
    // The unique index on name decides, also between two commands run at once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new TokenCommandError(`A token named "${tokenName}" already exists: choose another name, or revoke it first (token revoke "${tokenName}").`);
    }
    throw error;
  }
  return token;
}

export function listApiTokens(prisma: PrismaClient): Promise<ApiTokenInfo[]> {
  return prisma.apiToken.findMany({
    select: { name: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

/** Revokes the named token; a token revoked before keeps its first revocation date. */
export async function revokeApiToken(prisma: PrismaClient, name: string | undefined): Promise<{ name: string; revokedAt: Date; already: boolean }> {
  const tokenName = readTokenName(name);
  const found = await prisma.apiToken.findUnique({ where: { name: tokenName } });
  if (!found) {
    const names = (await listApiTokens(prisma)).map((token) => JSON.stringify(token.name));
    throw new TokenCommandError(`No token named "${tokenName}". ${names.length > 0 ? `Tokens: ${names.join(', ')}.` : 'There are no tokens yet.'}`);
  }
  if (found.revokedAt) return { name: found.name, revokedAt: found.revokedAt, already: true };
  const revoked = await prisma.apiToken.update({ where: { id: found.id }, data: { revokedAt: new Date() } });
  return { name: revoked.name, revokedAt: revoked.revokedAt!, already: false };
}
