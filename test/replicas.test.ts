// @module-tag runtime
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { importProfileFiles } from '../seed/run.js';
import { createContext, type GraphQLContext } from '../src/context.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { projectRoot } from '../src/db/paths.js';
import { readRoutingPlugin } from '../src/graphql/readRouting.js';
import { usingPostgres } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';
import { createApiToken, sendAs } from './support/tokens.js';
import { startStreamingReplica, whyNoStreamingReplica, type StreamingReplica } from './support/streamingReplica.js';

/**
 * DATABASE_REPLICA_URLS against a real streaming replica made on this machine
 * (test/support/streamingReplica.ts): queries read from the replica, writes go
 * to the primary and show on the replica once it has replayed them, and a
 * replica that stops is skipped without a failed read.
 */

const skipReason = usingPostgres
  ? whyNoStreamingReplica()
  : 'DATABASE_URL is unset: the tests run on the embedded PGlite, which has no streaming replication';

const researcherName = `query Name($slug: String!) { researcher(slug: $slug) { name } }`;

let cluster: StreamingReplica | undefined;
let database: Database | undefined;
let api: TestServer | undefined;
let slug: string;
/** The replicas the app was told were down, in order (what main.ts logs). */
const downEvents: string[] = [];

async function onServer<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function inRecovery(client: Database['prisma']): Promise<boolean> {
  const [row] = await client.$queryRaw<{ inRecovery: boolean }[]>`SELECT pg_is_in_recovery() AS "inRecovery"`;
  return row!.inRecovery;
}

async function nameThroughApi(): Promise<string> {
  const { body } = await api!.graphql<{ researcher: { name: string } }>(researcherName, { slug });
  expect(body.errors).toBeUndefined();
  return body.data!.researcher.name;
}

describe.skipIf(skipReason !== undefined)(`read replicas${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    cluster = await startStreamingReplica();
    await onServer(cluster.primary.url('postgres'), 'CREATE DATABASE lab');
    await cluster.caughtUp();
    // Migrations and the import run on the primary, as in production.
    database = await openDatabase({
      databaseUrl: cluster.primary.url('lab'),
      pgliteDataDir: '',
      databasePoolSize: 5,
      // Longer than the read that sleeps on the replica below, which is ended by hand.
      databaseStatementTimeoutMs: 60_000,
      databaseReplicas: { urls: [cluster.replica.url('lab')], downMs: 60_000 },
    }, { onReplicaDown: (replica) => downEvents.push(replica) });
    await importProfileFiles(database.prisma, [path.join(projectRoot, 'seed/profiles/english-sample.txt')]);
    const [first] = await database.prisma.$queryRaw<{ slug: string }[]>`SELECT slug FROM researcher ORDER BY slug LIMIT 1`;
    slug = first!.slug;
    await cluster.caughtUp();
    api = await startTestServer(database);
  });

  afterAll(async () => {
    await api?.close();
    await database?.close();
    await cluster?.stop();
  });

  it('gives the replica to reads and the primary to everything else', async () => {
    expect(await inRecovery(database!.readClient())).toBe(true);
    expect(await inRecovery(database!.prisma)).toBe(false);
  });

  it('answers queries from the replica and a mutation from the primary: the mutation shows its own write, queries show it once the replica has replayed it', async () => {
    const editor = sendAs(api!, await createApiToken(database!.prisma, 'replica-editor', 'editor'));
    const { body } = await api!.graphql<{ researcher: { id: string; name: string } }>(`query Id($slug: String!) { researcher(slug: $slug) { id name } }`, { slug });
    const { id, name: before } = body.data!.researcher;

    // While the replica holds its replay, the primary and the replica differ: each answer says which one was read.
    await onServer(cluster!.replica.url('lab'), 'SELECT pg_wal_replay_pause()');
    const renamed = await editor<{ updateResearcher: { researcher: { name: string } } }>(
      `mutation Rename($id: ID!, $name: String!) { updateResearcher(id: $id, patch: { name: $name }) { researcher { name } } }`,
      { id, name: `${before} (edited)` },
    );
    expect(renamed.body.errors).toBeUndefined();
    expect(renamed.body.data!.updateResearcher.researcher.name).toBe(`${before} (edited)`);
    // The next request, a query, reads the replica: the edit is not there yet.
    expect(await nameThroughApi()).toBe(before);

    await onServer(cluster!.replica.url('lab'), 'SELECT pg_wal_replay_resume()');
    await cluster!.caughtUp();
    expect(await nameThroughApi()).toBe(`${before} (edited)`);
  });

  it('runs a mutation on the primary from start to end: a request that writes reads its own writes', async () => {
    // The API has no mutation of its own yet: a small schema shows the rule that src/server.ts applies.
    const apollo = new ApolloServer<GraphQLContext>({
      typeDefs: `type Query { inRecovery: Boolean! } type Mutation { inRecovery: Boolean! }`,
      resolvers: {
        Query: { inRecovery: (_parent: unknown, _args: unknown, context: GraphQLContext) => inRecovery(context.prisma) },
        Mutation: { inRecovery: (_parent: unknown, _args: unknown, context: GraphQLContext) => inRecovery(context.prisma) },
      },
      plugins: [readRoutingPlugin(database!.prisma)],
    });
    await apollo.start();
    try {
      const run = async (query: string) => {
        const contextValue = createContext(database!.readClient(), 'test', () => Promise.resolve(null));
        const response = await apollo.executeOperation({ query }, { contextValue });
        return response.body.kind === 'single' ? response.body.singleResult.data : undefined;
      };
      expect(await run('query { inRecovery }')).toEqual({ inRecovery: true });
      expect(await run('mutation { inRecovery }')).toEqual({ inRecovery: false });
    } finally {
      await apollo.stop();
    }
  });

  it('says in /readyz which replicas are up', async () => {
    const response = await fetch(`${api!.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', replicas: [{ replica: `127.0.0.1:${cluster!.replica.port}/lab`, up: true }] });
  });

  it('runs a read again on the primary when its replica connection breaks mid-statement', async () => {
    // Sleeps on the replica only: the same statement run again on the primary answers at once.
    const reading = database!.readClient().$queryRaw<{ inRecovery: boolean }[]>`
      SELECT pg_is_in_recovery() AS "inRecovery", CASE WHEN pg_is_in_recovery() THEN pg_sleep(30) END IS NULL AS "slept"`.then((rows) => rows); // sent now (Prisma's promises are lazy)
    const deadline = Date.now() + 20_000;
    // The event: the statement is running on the replica; its session is then ended, as a replica restart would.
    while ((await onServer(cluster!.replica.url('lab'), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()`)).length === 0) {
      if (Date.now() > deadline) throw new Error('the read never started on the replica');
    }
    expect((await reading)[0]).toEqual({ inRecovery: false, slept: true });
    expect(downEvents).toEqual([`127.0.0.1:${cluster!.replica.port}/lab`]);
    // The replica, marked down by the break, is taken again as soon as the readiness probe finds it answering.
    expect(await (await fetch(`${api!.url}/readyz`)).json()).toMatchObject({ replicas: [{ up: true }] });
    expect(await inRecovery(database!.readClient())).toBe(true);
  });

  it('skips a replica that is stopped: reads answer from the primary, and the instance stays ready', async () => {
    const [{ name }] = (await database!.prisma.$queryRaw<{ name: string }[]>`SELECT name FROM researcher WHERE slug = ${slug}`) as [{ name: string }];
    await cluster!.replica.stop();

    for (let request = 0; request < 3; request += 1) expect(await nameThroughApi()).toBe(name);
    expect(await inRecovery(database!.readClient())).toBe(false);
    expect(downEvents).toHaveLength(2);

    const response = await fetch(`${api!.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', replicas: [{ replica: `127.0.0.1:${cluster!.replica.port}/lab`, up: false }] });
  });
});
