import { z } from 'zod';
import { httpUrl, readVariables, whole, type Variable } from '../../src/config.js';

/**
 * The enrichment command's own settings: its environment variables, read
 * by src/config.ts's readVariables (a wrong value is named, with an example
 * of a good one; the API key's value never appears), and its flags. They are
 * declared here rather than in src/config.ts because only this command uses
 * them; DATABASE_URL still comes from there.
 */

const variables = {
  OPENALEX_URL: { schema: httpUrl.default('https://api.openalex.org'), example: 'https://api.openalex.org' },
  /** Who to contact about the requests (OpenAlex's polite pool); recommended, a warning when unset. */
  OPENALEX_MAILTO: { schema: z.email().optional(), example: 'you@example.org' },
  /** Free at openalex.org/settings/api; without one OpenAlex allows only a few searches a day. Secret: never echoed in an error. */
  OPENALEX_API_KEY: { schema: z.string().min(8).regex(/^\S+$/u, 'has white space').optional(), example: 'your-openalex-api-key', secret: true },
  OPENALEX_TIMEOUT_MS: whole(1, 20_000, 600_000),
  OPENALEX_RETRIES: whole(0, 4, 10),
  OPENALEX_BACKOFF_MS: whole(0, 1_000, 60_000),
  /** OpenAlex allows 100 requests a second; this command stays at 10 or fewer. */
  OPENALEX_MAX_PER_SECOND: whole(1, 10, 10),
} as const satisfies Record<string, Variable>;

export interface EnrichSettings {
  baseUrl: string;
  mailto: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxPerSecond: number;
}

export function loadEnrichSettings(source: NodeJS.ProcessEnv = process.env): EnrichSettings {
  const env = readVariables(variables, source);
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
