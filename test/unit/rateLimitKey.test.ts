import { describe, expect, it } from 'vitest';
import { rateLimitKey } from '../../src/http/rateLimit.js';

describe('rateLimitKey', () => {
  it('keys a token by its hash, never the token itself', () => {
    const key = rateLimitKey({ ip: '127.0.0.1', headers: { authorization: 'Bearer secret-token' } });
    expect(key).toMatch(/^token:[0-9a-f]{64}$/);
    expect(key).not.toContain('secret');
    expect(rateLimitKey({ ip: '192.0.2.9', headers: { authorization: 'Bearer secret-token' } })).toBe(key);
    expect(rateLimitKey({ ip: '127.0.0.1', headers: { authorization: 'Bearer other-token' } })).not.toBe(key);
  });

  it('keys an address by itself, an IPv6 address by its /56 (one host often holds a whole range)', () => {
    expect(rateLimitKey({ ip: '192.0.2.9', headers: {} })).toBe('ip:192.0.2.9');
    expect(rateLimitKey({ ip: '2001:db8:1:2::1', headers: {} })).toBe(rateLimitKey({ ip: '2001:db8:1:ff::9', headers: {} }));
    expect(rateLimitKey({ ip: '2001:db8:1:100::1', headers: {} })).not.toBe(rateLimitKey({ ip: '2001:db8:1:2::1', headers: {} }));
  });
});
