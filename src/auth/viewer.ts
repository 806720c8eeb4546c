import { GraphQLError } from 'graphql';

/**
 * Who sends a request. Reads are public; writes need a viewer with a role
 * high enough (requireRole). An editor edits data; an admin also merges,
 * hides, imports and reads the audit log.
 */
export const roles = ['editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface Viewer {
  /** The token's name, or the JWT's subject: what the audit log records. */
  name: string;
  role: Role;
  /** How the viewer signed in. */
  via: 'token' | 'jwt';
}

export const roleRank: Record<Role, number> = { editor: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return (roles as readonly unknown[]).includes(value);
}

/** No credentials, or credentials that do not hold (bad, expired, revoked): HTTP 200 with code UNAUTHENTICATED. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * The viewer, when its role is at least `role`; otherwise UNAUTHENTICATED
 * (nobody, or credentials that do not hold) or FORBIDDEN (a role too low).
 */
export async function requireRole(authenticate: () => Promise<Viewer | null>, role: Role, action: string): Promise<Viewer> {
  const viewer = await authenticate();
  if (!viewer) {
    throw unauthenticated(`${action} needs a token: send the header "Authorization: Bearer <token>" (npm run token -- create).`);
  }
  if (roleRank[viewer.role] < roleRank[role]) {
    throw forbidden(`${action} needs the ${role} role; ${viewer.name} is ${viewer.role === 'editor' ? 'an' : 'a'} ${viewer.role}.`);
  }
  return viewer;
}
