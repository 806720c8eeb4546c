import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('JWT settings (AUTH_*)', () => {
  const provider = {
    AUTH_JWKS_URL: 'https://login.example.org/.well-known/jwks.json',
    AUTH_ISSUER: 'https://login.example.org/',
    AUTH_AUDIENCE: 'lab-publications-api',
  };

  it('none set: API tokens only', () => {
    expect(loadConfig({}).auth).toEqual({ jwt: undefined });
  });

  it('all three set: a provider, with the default claims (lab_role, sub)', () => {
    expect(loadConfig(provider).auth.jwt).toEqual({
      jwksUrl: provider.AUTH_JWKS_URL,
      issuer: provider.AUTH_ISSUER,
      audience: provider.AUTH_AUDIENCE,
      roleClaim: 'lab_role',
      nameClaim: 'sub',
    });
    expect(loadConfig({ ...provider, AUTH_ROLE_CLAIM: 'groups', AUTH_NAME_CLAIM: 'email' }).auth.jwt).toMatchObject({ roleClaim: 'groups', nameClaim: 'email' });
  });

  it('some set: refused, naming the missing ones with good values', () => {
    expect(() => loadConfig({ AUTH_JWKS_URL: provider.AUTH_JWKS_URL })).toThrowError(
      'Missing environment variable AUTH_ISSUER, AUTH_AUDIENCE: AUTH_JWKS_URL is set, and JWTs need all of AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE (or none). ' +
        'Example of good values: AUTH_ISSUER=https://login.example.org/ AUTH_AUDIENCE=lab-publications-api',
    );
  });

  it('a JWKS URL that is not http(s): refused with an example', () => {
    expect(() => loadConfig({ ...provider, AUTH_JWKS_URL: 'login.example.org/jwks' })).toThrowError(
      'Invalid environment variable AUTH_JWKS_URL="login.example.org/jwks": is not an http(s) URL. Example of a good value: AUTH_JWKS_URL=https://login.example.org/.well-known/jwks.json',
    );
  });
});
