import http from 'node:http';
import net from 'node:net';
import { pinoHttp } from 'pino-http';
import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { checkLimits, limitsChecker } from '../src/graphql/limits.js';
import { findNulCharacter } from '../src/graphql/nulCharacters.js';
import { httpLogger } from '../src/http/httpLogger.js';
import { createLogger } from '../src/logger.js';
import { perfOperations } from './support/perfLoad.js';
import { median } from '../bench/src/report.js';

/**
 * CPU per request of two per-request steps, before and after they were made
 * cheap (issue 13, item 4), in this process, alternating in rounds (the
 * machine is shared: compare the two within one run):
 *
 *   npx tsx scripts/perf-hooks.ts [--rounds 5] [--runs 20000]
 *
 * - The limits and NUL checks of a document from Apollo's cache, for the
 *   bench's five operations: walked on every request (findNulCharacter +
 *   checkLimits) against the per-document memo (limitsChecker).
 * - The HTTP log middleware at LOG_LEVEL=warn: pino-http as mounted before
 *   (two child loggers per request, one serialising the request) against
 *   httpLogger, which mounts nothing when no line can be written.
 */
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 5);
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 20_000);

const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', MAX_QUERY_COST: '100000' });
const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const requests = perfOperations.map((operation) => {
  const document: DocumentNode = parse(operation.query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`${operation.name}: ${errors[0]!.message}`);
  return { document, variables: operation.variables('x') };
});

function cpuMicroseconds(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / runs;
}

const memo = limitsChecker(config.limits);
const logger = createLogger(config, { write: () => undefined });
const before = pinoHttp({ logger, quietReqLogger: true, quietResLogger: true, customAttributeKeys: { reqId: 'requestId' } });
const after = httpLogger(logger);
const socket = new net.Socket();
const middleware = (handler: typeof after) => () => {
  for (let run = 0; run < runs; run += 1) {
    const request = new http.IncomingMessage(socket);
    request.url = '/graphql';
    request.method = 'POST';
    const response = new http.ServerResponse(request);
    handler(request as never, response as never, () => undefined);
    response.emit('finish');
  }
};
const steps: Record<string, () => void> = {
  'limits: every request walks': () => {
    for (let run = 0; run < runs; run += 1) {
      const { document, variables } = requests[run % requests.length]!;
      if (findNulCharacter(document, variables) ?? checkLimits(schema, document, variables, config.limits)) throw new Error('refused');
    }
  },
  'limits: memo per document': () => {
    for (let run = 0; run < runs; run += 1) {
      const { document, variables } = requests[run % requests.length]!;
      if (memo(schema, document, variables)) throw new Error('refused');
    }
  },
  'http log at warn: pino-http': middleware(before),
  'http log at warn: httpLogger': middleware(after),
};

const results: Record<string, number[]> = {};
for (let round = 0; round < rounds; round += 1) {
  for (const [name, step] of Object.entries(steps)) (results[name] ??= []).push(cpuMicroseconds(step));
}
for (const [name, values] of Object.entries(results)) {
  process.stdout.write(`${name.padEnd(32)} ${median(values).toFixed(2).padStart(8)} µs CPU per request (rounds: ${values.map((value) => value.toFixed(2)).join(' ')})\n`);
}
socket.destroy();
