import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProfilesDir } from '../src/db/paths.js';
import { importProfileFiles } from '../seed/run.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { spawnApp } from './support/process.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';

let testDatabase: TestDatabase;
let proxy: TcpProxy;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  const database = await openTestDatabase(testDatabase);
  await importProfileFiles(database.prisma, [seedProfilesDir]);
  await database.close();
  const url = new URL(testDatabase.url);
  proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
});

afterAll(async () => {
  await proxy.close();
  await testDatabase.drop();
});

/** Polls until a new connection is refused (the listener is closed), for at most `withinMs`. */
async function refusedWithin(port: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await connectionRefused(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('graceful shutdown', () => {
  it('SIGTERM under load: in-flight requests complete with 200, new connections are refused, exit 0 within the grace period', async () => {
    const app = spawnApp({ DATABASE_URL: proxy.route(testDatabase.url), SHUTDOWN_GRACE_MS: '10000', DATABASE_POOL_SIZE: '5' });
    const port = await app.port;
    // Every database answer now takes 250 ms: requests stay in flight.
    proxy.latencyMs = 250;
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query Load${i} { researchers(first: 3) { totalCount nodes { name publicationCount } } }` }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { data?: { researchers: { totalCount: number } } },
        at: Date.now(),
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    app.child.kill('SIGTERM');
    expect(await refusedWithin(port, 3_000)).toBe(true);

    const results = await Promise.all(inFlight);
    // They were in flight: answers came after the signal, and after new connections were refused.
    expect(results.filter((result) => result.at > signalled).length).toBeGreaterThan(0);
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
    expect(results.every((result) => result.body.data?.researchers.totalCount === 14)).toBe(true);
    expect(await app.exit).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(app.output()).toContain('"msg":"stopped"');
    proxy.latencyMs = 0;
  });
});
