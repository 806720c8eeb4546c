import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/**
 * pino-pretty is a dev dependency: a production install may not have it, and
 * production never asks for it.
 */
function prettyPrinterInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a credential could sit in a logged object: no line ever carries a
 * token, whatever a future log call passes in (a request, its headers, an
 * error holding them). src/http/httpLogger.ts logs no headers to begin with.
 */
export const CREDENTIAL_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  'request.headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

/**
 * JSON logs, one object per line, on stdout (or `destination`): what log
 * collectors read. A developer's terminal (stdout is a TTY, not production)
 * gets the same lines made readable by pino-pretty, in pino's worker thread.
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'isProduction'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = { level: config.logLevel, base: undefined, redact: { paths: CREDENTIAL_PATHS, censor: '[redacted]' } };
  if (destination) return pino(options, destination);
  if (!config.isProduction && process.stdout.isTTY && prettyPrinterInstalled()) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } });
  }
  return pino(options);
}
