import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, generateSecret, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { JwtConfig } from '../../src/config.js';

/**
 * A stand-in for a lab's OpenID Connect provider: an HTTP server on a
 * loopback port publishing the public key of a key pair made for the test
 * (its JWKS), and a signer of tokens with that key, or with another one that
 * the server does not publish (a forgery).
 */
export const ISSUER = 'https://login.lab.test/';
export const AUDIENCE = 'lab-publications-api';
export const KEY_ID = 'lab-test-key';

export interface TokenOptions {
  /** `forged`: signed by a key the provider never published, under the published key's id. */
  key?: 'published' | 'forged' | 'unpublished-id' | 'hmac';
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for a token already expired. */
  expiresIn?: number | null;
}

export interface JwksServer {
  /** The settings of a server that trusts this provider. */
  config: JwtConfig;
  /** How many times the key set was fetched. */
  fetches(): number;
  sign(claims: JWTPayload, options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startJwksServer(): Promise<JwksServer> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const forged = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(published.publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const server = http.createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    fetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    config: {
      jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      issuer: ISSUER,
      audience: AUDIENCE,
      roleClaim: 'lab_role',
      nameClaim: 'sub',
    },
    fetches: () => fetches,
    async sign(claims, { key = 'published', issuer = ISSUER, audience = AUDIENCE, expiresIn = 300 } = {}) {
      const now = Math.floor(Date.now() / 1000);
      let signingKey: CryptoKey | Uint8Array = published.privateKey;
      let header = { alg: 'RS256', kid: KEY_ID };
      if (key === 'forged') signingKey = forged.privateKey;
      if (key === 'unpublished-id') header = { alg: 'RS256', kid: 'some-other-key' };
      if (key === 'hmac') {
        signingKey = await generateSecret('HS256', { extractable: true });
        header = { alg: 'HS256', kid: KEY_ID };
      }
      const jwt = new SignJWT(claims).setProtectedHeader(header).setIssuer(issuer).setAudience(audience).setIssuedAt(now);
      if (expiresIn !== null) jwt.setExpirationTime(now + expiresIn);
      return jwt.sign(signingKey);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
