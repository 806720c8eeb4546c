import { z } from 'zod';

/**
 * The environment, read and validated once. Nothing else in the app reads
 * process.env: every setting a module needs is passed to it from here.
 */

const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'is not a PostgreSQL connection URL');

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** Each variable with the example shown when its value is wrong. */
const variables = {
  NODE_ENV: { schema: z.enum(['development', 'production', 'test']).default('development'), example: 'production' },
  DATABASE_URL: { schema: postgresUrl.optional(), example: 'postgresql://user:password@localhost:5432/lab' },
  PGLITE_DATA_DIR: { schema: z.string().min(1).default('.data/pglite'), example: '.data/pglite' },
  HOST: { schema: z.string().min(1).default('0.0.0.0'), example: '127.0.0.1' },
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(4000), example: '4000' },
  SEED_ON_START: { schema: booleanFlag.default(true), example: 'false' },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    example: 'info',
  },
  CORS_ORIGINS: { schema: csv.optional(), example: 'https://lab.example.org,http://localhost:3000' },
  GRAPHQL_INTROSPECTION: { schema: booleanFlag.optional(), example: 'true' },
  SHUTDOWN_GRACE_MS: { schema: z.coerce.number().int().min(0).default(10_000), example: '10000' },
  DATABASE_POOL_SIZE: { schema: z.coerce.number().int().min(1).max(100).default(10), example: '10' },
} as const;

type Variables = typeof variables;
type Env = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  /** Unset: the embedded PGlite database in `pgliteDataDir`. */
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  host: string;
  port: number;
  seedOnStart: boolean;
  logLevel: Env['LOG_LEVEL'];
  /** Origins allowed by CORS; unset allows any origin outside production and none in it. */
  corsOrigins: string[] | undefined;
  /** Introspection and the Sandbox landing page; defaults to on outside production. */
  introspection: boolean;
  shutdownGraceMs: number;
  databasePoolSize: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

function readVariable<K extends keyof Variables>(name: K, source: NodeJS.ProcessEnv): Env[K] {
  const raw = source[name];
  // An empty value means unset: that is how shells and .env files clear a variable.
  const value = raw === undefined || raw === '' ? undefined : raw;
  const result = variables[name].schema.safeParse(value);
  if (!result.success) {
    const problem = result.error.issues[0]?.message ?? 'is invalid';
    throw new ConfigError(
      name,
      `Invalid environment variable ${name}=${JSON.stringify(raw)}: ${problem}. Example of a good value: ${name}=${variables[name].example}`,
    );
  }
  return result.data as Env[K];
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = Object.fromEntries(
    (Object.keys(variables) as (keyof Variables)[]).map((name) => [name, readVariable(name, source)]),
  ) as Env;
  const isProduction = env.NODE_ENV === 'production';
  return {
    env: env.NODE_ENV,
    isProduction,
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    host: env.HOST,
    port: env.PORT,
    seedOnStart: env.SEED_ON_START,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    introspection: env.GRAPHQL_INTROSPECTION ?? !isProduction,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    databasePoolSize: env.DATABASE_POOL_SIZE,
  };
}
