import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { JwtConfig } from '../config.js';
import { forbidden, isRole, roleRank, roles, unauthenticated, type Role, type Viewer } from './viewer.js';

/**
 * OpenID Connect access tokens (JWTs) from the lab's identity provider,
 * verified with jose against the provider's published keys (JWKS): signature,
 * expiry, issuer and audience. The key set is fetched once and cached by jose
 * (refetched when a token names a key it has not seen, at most every 30 s), so
 * build one verifier per server, not per request.
 */
export type JwtVerifier = (token: string) => Promise<Viewer>;

/**
 * Asymmetric algorithms only: an HMAC ("HS256") token would be checked with a
 * public key as its secret, and "none" is no signature at all.
 */
export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export function createJwtVerifier(config: JwtConfig): JwtVerifier {
  const keys = createRemoteJWKSet(new URL(config.jwksUrl));
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: JWT_ALGORITHMS,
        // A token that never expires is refused: a leaked one would work forever.
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw jwtFailure(error, config);
    }
    return viewerOfClaims(payload, config);
  };
}

/** Why a JWT does not hold, in words a client can act on. Failures of the provider itself stay internal errors. */
function jwtFailure(error: unknown, config: JwtConfig): Error {
  const prefix = 'The JWT is not valid';
  if (error instanceof errors.JWTExpired) return unauthenticated(`${prefix}: it has expired (its "exp" is past).`);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return unauthenticated(`${prefix}: wrong issuer (expected "${config.issuer}").`);
    if (error.claim === 'aud') return unauthenticated(`${prefix}: wrong audience (expected "${config.audience}").`);
    if (error.claim === 'exp' && error.reason === 'missing') return unauthenticated(`${prefix}: it has no expiry ("exp" claim).`);
    return unauthenticated(`${prefix}: claim "${error.claim}" failed its check (${error.message}).`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return unauthenticated(`${prefix}: bad signature.`);
  if (error instanceof errors.JWKSNoMatchingKey) {
    return unauthenticated(`${prefix}: unknown key (no key of the identity provider's key set matches its "kid" and "alg").`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return unauthenticated(`${prefix}: its algorithm is not allowed (allowed: ${JWT_ALGORITHMS.join(', ')}).`);
  }
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid || error instanceof errors.JOSENotSupported) {
    return unauthenticated(`${prefix}: malformed (${error.message}).`);
  }
  // The key set could not be fetched or read (provider down, wrong AUTH_JWKS_URL): our side, logged as an internal error.
  return new Error(`Could not verify a JWT against AUTH_JWKS_URL ${config.jwksUrl}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

/**
 * The viewer a verified token stands for. The role claim may be a string or an
 * array (providers put groups in arrays); the highest lab role in it counts,
 * other values are ignored. A valid identity with no lab role is FORBIDDEN:
 * the provider knows who it is, the lab has not given it any write rights.
 */
function viewerOfClaims(payload: JWTPayload, config: JwtConfig): Viewer {
  const name = payload[config.nameClaim];
  if (typeof name !== 'string' || name === '') {
    throw unauthenticated(`The JWT has no "${config.nameClaim}" claim to name its holder (AUTH_NAME_CLAIM).`);
  }
  const claimed = payload[config.roleClaim];
  const values = Array.isArray(claimed) ? (claimed as unknown[]) : claimed === undefined ? [] : [claimed];
  const role = values.filter(isRole).reduce<Role | undefined>((best, next) => (best && roleRank[best] >= roleRank[next] ? best : next), undefined);
  if (!role) {
    const seen = values.length === 0 ? 'it has none' : `it has ${JSON.stringify(claimed)}`;
    throw forbidden(`${name} has no lab role: the JWT's "${config.roleClaim}" claim must hold one of ${roles.join(', ')}; ${seen}.`);
  }
  return { name, role, via: 'jwt' };
}
