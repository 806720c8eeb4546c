import { z } from 'zod';
import { ConfigError, httpUrl, whole } from '../../src/config.js';

/**
 * The enrichment command's own settings: its environment variables and
 * flags, validated with zod like src/config.ts (a wrong value is named, with
 * an example of a good one). They are read here rather than in src/config.ts
 * because only this command uses them; DATABASE_URL still comes from there.
 */

const variables = {
  OPENALEX_URL: { schema: httpUrl.default('https://api.openalex.org'), example: 'https://api.openalex.org' },
  /** Who to contact about the requests (OpenAlex's polite pool); recommended, a warning when unset. */
  OPENALEX_MAILTO: { schema: z.email().optional(), example: 'you@example.org' },
  /** Free at openalex.org/settings/api; without one OpenAlex allows only a few searches a day. */
  OPENALEX_API_KEY: { schema: z.string().min(8).regex(/^\S+$/u, 'has white space').optional(), example: 'your-openalex-api-key' },
  OPENALEX_TIMEOUT_MS: whole(1, 20_000, 600_000),
  OPENALEX_RETRIES: whole(0, 4, 10),
  OPENALEX_BACKOFF_MS: whole(0, 1_000, 60_000),
  /** OpenAlex allows 100 requests a second; this command stays at 10 or fewer. */
  OPENALEX_MAX_PER_SECOND: whole(1, 10, 10),
} as const;

type Variables = typeof variables;
type Env = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

export interface EnrichSettings {
  baseUrl: string;
  mailto: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxPerSecond: number;
}

function readVariable<K extends keyof Variables>(name: K, source: NodeJS.ProcessEnv): Env[K] {
  const raw = source[name];
  const value = raw === undefined || raw === '' ? undefined : raw;
  const result = variables[name].schema.safeParse(value);
  if (!result.success) {
    const problem = result.error.issues[0]?.message ?? 'is invalid';
    // The key itself is never echoed.
    const shown = name === 'OPENALEX_API_KEY' ? '(hidden)' : JSON.stringify(raw);
    throw new ConfigError(name, `Invalid environment variable ${name}=${shown}: ${problem}. Example of a good value: ${name}=${variables[name].example}`);
  }
  return result.data as Env[K];
}

export function loadEnrichSettings(source: NodeJS.ProcessEnv = process.env): EnrichSettings {
  const env = Object.fromEntries((Object.keys(variables) as (keyof Variables)[]).map((name) => [name, readVariable(name, source)])) as Env;
  return {
    baseUrl: env.OPENALEX_URL,
    mailto: env.OPENALEX_MAILTO,
    apiKey: env.OPENALEX_API_KEY,
    timeoutMs: env.OPENALEX_TIMEOUT_MS,
    retries: env.OPENALEX_RETRIES,
    backoffMs: env.OPENALEX_BACKOFF_MS,
    maxPerSecond: env.OPENALEX_MAX_PER_SECOND,
  };
}

export interface EnrichFlags {
  help: boolean;
  dryRun: boolean;
  retry: boolean;
  verbose: boolean;
  limit: number | undefined;
}

/** A bad flag: the message says which, and the CLI prints the usage after it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const limitSchema = z.coerce.number().int().min(1);

export function parseFlags(args: string[]): EnrichFlags {
  const flags: EnrichFlags = { help: false, dryRun: false, retry: false, verbose: false, limit: undefined };
  for (const arg of args) {
    const [name, value] = arg.split(/=(.*)/su, 2) as [string, string | undefined];
    if (name === '--limit') {
      const parsed = limitSchema.safeParse(value);
      if (!parsed.success) throw new UsageError(`--limit needs a whole number of papers, at least 1 (got ${JSON.stringify(value ?? '')}). Example: --limit=50`);
      flags.limit = parsed.data;
      continue;
    }
    if (value !== undefined) throw new UsageError(`${name} takes no value`);
    if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--dry-run') flags.dryRun = true;
    else if (arg === '--retry') flags.retry = true;
    else if (arg === '--verbose') flags.verbose = true;
    else throw new UsageError(`Unknown ${arg.startsWith('-') ? 'option' : 'argument'} ${arg}.`);
  }
  return flags;
}
