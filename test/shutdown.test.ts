// @module-tag runtime
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { spawnApp } from './support/process.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';

let testDatabase: TestDatabase;
let proxy: TcpProxy;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  const url = new URL(testDatabase.url);
  proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
});

afterAll(async () => {
  await proxy.close();
  await testDatabase.drop();
});

/** Resolves with the time at which a new connection is refused (the listener is closed), trying again at once until then. */
async function refusal(port: number): Promise<number> {
  while (!(await connectionRefused(port))) {
    /* the next attempt starts when this one has been accepted and closed */
  }
  return Date.now();
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

interface Answer {
  status: number;
  body: { data?: { researchers: { totalCount: number } } };
  at: number;
}

/**
 * POSTs an operation on a connection of `agent` and resolves `sent` once the
 * whole request has been handed to the kernel, then `answer` with the response.
 */
function post(agent: http.Agent, port: number, query: string): { sent: Promise<void>; answer: Promise<Answer> } {
  let markSent: () => void;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const request = http.request({ agent, host: '127.0.0.1', port, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Answer['body'], at: Date.now() }));
      response.on('error', reject);
    });
    request.on('finish', () => markSent());
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
  return { sent, answer };
}

describe('graceful shutdown', () => {
  it('SIGTERM under load: in-flight requests complete with 200, new connections are refused, exit 0 within the grace period', async () => {
    const app = spawnApp({ DATABASE_URL: proxy.route(testDatabase.url), SHUTDOWN_GRACE_MS: '20000', DATABASE_POOL_SIZE: '5' });
    const port = await app.port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    try {
      // 20 connections the app has accepted and served once. A connection
      // still waiting in the kernel's queue when the listener closes is reset:
      // it was never in flight, and the first version of this test, which
      // opened its connections 300 ms before the signal, failed that way on a
      // busy machine ("fetch failed").
      const warmUp = Array.from({ length: 20 }, () => post(agent, port, '{ __typename }').answer);
      expect((await Promise.all(warmUp)).map((answer) => answer.status)).toEqual(Array(20).fill(200));
      expect(Object.values(agent.freeSockets).flat()).toHaveLength(20);

      // Every database answer now takes 250 ms: requests stay in flight.
      proxy.latencyMs = 250;
      const inFlight = Array.from({ length: 20 }, (_, i) =>
        post(agent, port, `query Load${i} { researchers(first: 3) { totalCount nodes { name publicationCount } } }`),
      );
      // Signalled once every request has been written to its connection.
      await Promise.all(inFlight.map((request) => request.sent));
      app.signal('SIGTERM');
      await app.waitForLine(/"msg":"shutting down: finishing in-flight requests"/);
      const refusedAt = await refusal(port);

      const results = await Promise.all(inFlight.map((request) => request.answer));
      expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
      expect(results.every((result) => result.body.data?.researchers.totalCount === 45)).toBe(true);
      // They were in flight: some answers came after new connections were refused.
      expect(results.filter((result) => result.at > refusedAt).length).toBeGreaterThan(0);
      // Exit code 1 would mean the grace period ran out with requests in flight.
      expect(await app.exit).toBe(0);
      expect(app.output()).toContain('"msg":"stopped"');
    } finally {
      agent.destroy();
      proxy.latencyMs = 0;
    }
  });
});
