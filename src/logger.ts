import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** JSON logs, one object per line, on stdout (or `destination`). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return destination ? pino({ level: config.logLevel, base: undefined }, destination) : pino({ level: config.logLevel, base: undefined });
}
