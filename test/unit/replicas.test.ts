import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { describeUrl, ReplicaHealth } from '../../src/db/replicas.js';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ReplicaHealth (which read replica serves the next request)', () => {
  it('goes round-robin over the replicas that are up', () => {
    const health = new ReplicaHealth(3, 10_000);
    expect([health.next(), health.next(), health.next(), health.next()]).toEqual([0, 1, 2, 0]);
  });

  it('skips a replica marked down until its time is over, then takes it again', () => {
    const clock = manualClock();
    const health = new ReplicaHealth(3, 10_000, clock.now);
    health.markDown(1);
    expect([health.next(), health.next(), health.next()]).toEqual([0, 2, 0]);
    expect(health.upAfter(0)).toEqual([2]);
    clock.advance(9_999);
    expect(health.isUp(1)).toBe(false);
    clock.advance(1);
    expect(health.isUp(1)).toBe(true);
    expect([health.next(), health.next()]).toEqual([1, 2]);
  });

  it('has no replica to offer when all are down (the caller uses the primary), and one marked up is back at once', () => {
    const health = new ReplicaHealth(2, 10_000, manualClock().now);
    health.markDown(0);
    health.markDown(1);
    expect(health.next()).toBeUndefined();
    expect(health.upAfter(0)).toEqual([]);
    health.markUp(1);
    expect(health.next()).toBe(1);
  });

  it('names a replica without its password', () => {
    expect(describeUrl('postgresql://lab:secret@replica-1.example.org:6432/lab')).toBe('replica-1.example.org:6432/lab');
    expect(describeUrl('postgres://lab:secret@replica-2/lab')).toBe('replica-2:5432/lab');
  });
});

describe('DATABASE_REPLICA_URLS', () => {
  const primary = 'postgresql://lab@primary:5432/lab';

  it('is a comma-separated list of PostgreSQL URLs, with a down time for a replica that fails', () => {
    const config = loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgresql://lab@r1/lab, postgresql://lab@r2/lab' });
    expect(config.databaseReplicas).toEqual({ urls: ['postgresql://lab@r1/lab', 'postgresql://lab@r2/lab'], downMs: 10_000 });
    expect(loadConfig({ DATABASE_URL: primary }).databaseReplicas).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgresql://lab@r1/lab', DATABASE_REPLICA_DOWN_MS: '500' }).databaseReplicas?.downMs).toBe(500);
  });

  it('refuses a list with something that is not a PostgreSQL URL, with an example', () => {
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgresql://lab@r1/lab,r2:5432' })).toThrowError(
      /^Invalid environment variable DATABASE_REPLICA_URLS="postgresql:\/\/lab@r1\/lab,r2:5432": is not a PostgreSQL connection URL\. Example of a good value: DATABASE_REPLICA_URLS=postgresql:\/\//,
    );
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: ' , ' })).toThrowError(/DATABASE_REPLICA_URLS=" , ": lists no URL/);
  });

  it('refuses replicas without a primary (the embedded PGlite has none)', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgresql://lab@r1/lab' })).toThrowError(
      /^Missing environment variable DATABASE_URL: DATABASE_REPLICA_URLS is set, and read replicas need their primary\. Example of a good value: DATABASE_URL=postgresql:\/\//,
    );
  });
});
