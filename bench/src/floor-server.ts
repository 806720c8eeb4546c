import http from 'node:http';
import pg from 'pg';
import { operations } from './operations.js';

/**
 * The floor: each operation's data fetched by one hand-written SQL statement
 * through `pg`, the JSON built by PostgreSQL and sent as is. No GraphQL, no
 * validation: what any server must at least spend on the same answer.
 * POST /<operation> with {"value": …}; GET /healthz. Reads DATABASE_URL,
 * PORT and DATABASE_POOL_SIZE.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const byName = new Map(operations.map((operation) => [`/${operation.name}`, operation]));

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

async function answer(request: http.IncomingMessage): Promise<{ status: number; body: string }> {
  if (request.url === '/healthz') return { status: 200, body: '{"status":"ok"}' };
  const operation = byName.get(request.url ?? '');
  if (!operation || request.method !== 'POST') return { status: 404, body: '{"error":"POST /<operation>"}' };
  const { value } = JSON.parse(await readBody(request)) as { value?: string };
  const sql = operation.floor;
  const result = await pool.query<{ body: string }>(sql.includes('$1') ? { text: sql, values: [value] } : sql);
  return { status: 200, body: `{"data":${result.rows[0]?.body ?? 'null'}}` };
}

const server = http.createServer((request, response) => {
  answer(request).then(
    ({ status, body }) => response.writeHead(status, { 'content-type': 'application/json' }).end(body),
    (error: unknown) => response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) })),
  );
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
const stop = () => {
  server.close();
  void pool.end().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
