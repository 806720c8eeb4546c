import { z } from 'zod';

/**
 * The environment, read and validated once. Nothing else in the app reads
 * process.env: every setting a module needs is passed to it from here.
 */

/** A URL whose scheme is one of `protocols` (`['http:', 'https:']`), else `message`. */
function urlWith(protocols: string[], message: string) {
  return z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, message);
}

const postgresUrl = urlWith(['postgres:', 'postgresql:'], 'is not a PostgreSQL connection URL');
const redisUrl = urlWith(['redis:', 'rediss:'], 'is not a Redis connection URL');
/** Exported for the commands that read settings of their own (seed/enrich/settings.ts). */
export const httpUrl = urlWith(['http:', 'https:'], 'is not an http(s) URL');

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** A whole number from `min` (to `max`), `fallback` when unset; the fallback is the example shown when a value is wrong. */
export function whole(min: number, fallback: number, max = Number.MAX_SAFE_INTEGER) {
  return { schema: z.coerce.number().int().min(min).max(max).default(fallback), example: String(fallback) };
}

/**
 * One environment variable: its schema, the example shown when its value is
 * wrong, and `secret` for a value that must never appear in an error (an API
 * key): error messages, and so logs and terminals, show `(hidden)` instead.
 */
export interface Variable {
  schema: z.ZodType;
  example: string;
  secret?: boolean;
}

/** What the variables of `V` read as, each by its schema. */
export type VariableValues<V extends Record<string, Variable>> = { [K in keyof V]: z.output<V[K]['schema']> };

/** Each variable with the example shown when its value is wrong. */
const variables = {
  NODE_ENV: { schema: z.enum(['development', 'production', 'test']).default('development'), example: 'production' },
  DATABASE_URL: { schema: postgresUrl.optional(), example: 'postgresql://user:password@localhost:5432/lab' },
  DATABASE_REPLICA_URLS: {
    schema: csv.pipe(z.array(postgresUrl).min(1, 'lists no URL')).optional(),
    example: 'postgresql://user:password@replica-1:5432/lab,postgresql://user:password@replica-2:5432/lab',
  },
  DATABASE_REPLICA_DOWN_MS: whole(100, 10_000),
  PGLITE_DATA_DIR: { schema: z.string().min(1).default('.data/pglite'), example: '.data/pglite' },
  HOST: { schema: z.string().min(1).default('0.0.0.0'), example: '127.0.0.1' },
  PORT: whole(0, 4000, 65535),
  SEED_ON_START: { schema: booleanFlag.default(true), example: 'false' },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    example: 'info',
  },
  CORS_ORIGINS: { schema: csv.optional(), example: 'https://lab.example.org,http://localhost:3000' },
  GRAPHQL_INTROSPECTION: { schema: booleanFlag.optional(), example: 'true' },
  GRAPHQL_EXPLORER: { schema: booleanFlag.optional(), example: 'false' },
  SHUTDOWN_GRACE_MS: whole(0, 10_000),
  DATABASE_POOL_SIZE: whole(1, 10, 100),
  DATABASE_CONNECT_TIMEOUT_MS: whole(100, 5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: whole(100, 5_000),
  DATABASE_PREPARED_STATEMENTS: whole(0, 100, 10_000),
  REQUEST_TIMEOUT_MS: whole(1_000, 30_000),
  MAX_BODY_BYTES: whole(1_000, 100_000),
  MAX_QUERY_TOKENS: whole(50, 1_000),
  MAX_QUERY_DEPTH: whole(1, 10),
  MAX_ALIASES: whole(0, 15),
  MAX_DIRECTIVES: whole(0, 5),
  MAX_QUERY_COST: whole(1, 10_000),
  MAX_REPEATED_FIELDS: whole(0, 15),
  MAX_FRAGMENT_SPREADS: whole(0, 50),
  READY_TIMEOUT_MS: whole(100, 2_000),
  APQ_CACHE_BYTES: whole(0, 10_000_000),
  TRUSTED_DOCUMENTS: { schema: booleanFlag.default(false), example: 'true' },
  IMPORT_MAX_FILE_BYTES: whole(1_000, 1_000_000),
  TRUSTED_DOCUMENTS_MANIFEST: { schema: z.string().min(1).default('persisted-documents.json'), example: 'persisted-documents.json' },
  REDIS_URL: { schema: redisUrl.optional(), example: 'redis://127.0.0.1:6379' },
  REDIS_KEY_PREFIX: { schema: z.string().min(1).default('lab:'), example: 'lab:' },
  RESPONSE_CACHE_TTL_SECONDS: whole(0, 0, 86_400),
  COMPILED_READS: { schema: booleanFlag.default(true), example: 'false' },
  RATE_LIMIT_PER_MINUTE: whole(0, 0),
  TRUST_PROXY: whole(0, 0, 10),
  // OpenID Connect JWTs (src/auth/jwt.ts): the first three together or none of them.
  AUTH_JWKS_URL: { schema: httpUrl.optional(), example: 'https://login.example.org/.well-known/jwks.json' },
  AUTH_ISSUER: { schema: z.string().min(1).optional(), example: 'https://login.example.org/' },
  AUTH_AUDIENCE: { schema: z.string().min(1).optional(), example: 'lab-publications-api' },
  AUTH_ROLE_CLAIM: { schema: z.string().min(1).default('lab_role'), example: 'lab_role' },
  AUTH_NAME_CLAIM: { schema: z.string().min(1).default('sub'), example: 'email' },
  METRICS_PORT: { schema: z.coerce.number().int().min(0).max(65535).optional(), example: '9464' },
  METRICS_HOST: { schema: z.string().min(1).default('127.0.0.1'), example: '127.0.0.1' },
  METRICS_PATH: { schema: z.string().regex(/^\/[\w./-]*$/u, 'is not a URL path starting with /').default('/metrics'), example: '/metrics' },
  OTEL_EXPORTER_OTLP_ENDPOINT: { schema: httpUrl.optional(), example: 'http://127.0.0.1:4318' },
  OTEL_SERVICE_NAME: { schema: z.string().min(1).default('lab-publications-api'), example: 'lab-publications-api' },
} as const satisfies Record<string, Variable>;

type Env = VariableValues<typeof variables>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  /** Unset: the embedded PGlite database in `pgliteDataDir`. */
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  /**
   * Read replicas of DATABASE_URL (src/db/replicas.ts): GraphQL queries read
   * there, everything that writes uses the primary. A replica whose connection
   * fails is skipped for `downMs`. Undefined: everything on the primary.
   */
  databaseReplicas: { urls: string[]; downMs: number } | undefined;
  host: string;
  port: number;
  seedOnStart: boolean;
  logLevel: Env['LOG_LEVEL'];
  /** Origins allowed by CORS; unset allows any origin outside production and none in it. */
  corsOrigins: string[] | undefined;
  /** Introspection (GRAPHQL_INTROSPECTION); defaults to on outside production, off in it. */
  introspection: boolean;
  /**
   * The explorer at GET /graphql in a browser (src/http/explorer/: Apollo Sandbox,
   * else the bundled GraphiQL). It reads the schema through introspection, so it
   * follows `introspection` unless GRAPHQL_EXPLORER=false turns it off alone:
   * production has neither unless GRAPHQL_INTROSPECTION=true.
   */
  explorer: boolean;
  shutdownGraceMs: number;
  databasePoolSize: number;
  /** A pool that cannot hand out a connection in this time answers with an error instead of hanging. */
  databaseConnectTimeoutMs: number;
  /** PostgreSQL cancels any statement running longer (statement_timeout). */
  databaseStatementTimeoutMs: number;
  /** Named prepared statements kept per connection for the API's reads (src/db/preparedStatements.ts); 0: every statement unnamed. */
  databasePreparedStatements: number;
  /** A request not answered in this time gets 503 REQUEST_TIMEOUT; one not fully received is dropped. */
  requestTimeoutMs: number;
  maxBodyBytes: number;
  limits: OperationLimits;
  /** /readyz answers 503 when the database has not answered its probe in this time. */
  readyTimeoutMs: number;
  /** Bound of the automatic persisted queries cache, in bytes; 0 turns APQ off. */
  apqCacheBytes: number;
  /** Accept only the operations listed in the manifest (for deployments whose only clients are known frontends). */
  trustedDocuments: boolean;
  trustedDocumentsManifest: string;
  /** Largest profile file the importProfiles mutation takes (the request as a whole is bounded by maxBodyBytes). */
  importMaxFileBytes: number;
  /** Unset: every cache and the rate limit live in this process's memory (one instance). */
  redisUrl: string | undefined;
  /** Prefix of every key this app writes in Redis, so that deployments (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  /** 0: no response cache. Else anonymous query answers are cached (and CDNs told max-age) for at most this many seconds. */
  responseCacheTtlSeconds: number;
  /**
   * Anonymous queries whose every field has a compiler are answered by one SQL
   * statement that builds the whole answer (src/graphql/compiled/); false: every
   * operation runs through the resolvers.
   */
  compiledReads: boolean;
  /** Requests per minute to /graphql per client (token, else address); 0: no limit. */
  rateLimitPerMinute: number;
  /** Proxies in front of the app (Express `trust proxy` hops): the client address is read from X-Forwarded-For past them. */
  trustProxy: number;
  /** How writes are authenticated (src/auth/): API tokens always, OpenID Connect JWTs when `jwt` is set. */
  auth: AuthConfig;
  /**
   * Prometheus metrics on a server of their own (src/metrics/server.ts), never
   * on the API's port; undefined (METRICS_PORT unset) turns metrics off.
   */
  metrics: { port: number; host: string; path: string } | undefined;
  /**
   * OpenTelemetry traces sent over OTLP/HTTP (JSON) to `endpoint` (src/tracing.ts);
   * undefined (OTEL_EXPORTER_OTLP_ENDPOINT unset) loads nothing of OpenTelemetry.
   */
  tracing: { endpoint: string; serviceName: string } | undefined;
}

export interface AuthConfig {
  /** Unset: only API tokens are accepted. */
  jwt: JwtConfig | undefined;
}

/** An OpenID Connect provider whose JWTs stand for editors and admins. */
export interface JwtConfig {
  /** The provider's JSON Web Key Set (its signing keys), fetched and cached by the server. */
  jwksUrl: string;
  /** The `iss` a token must carry. */
  issuer: string;
  /** The `aud` a token must carry (one of). */
  audience: string;
  /** The claim holding the lab role (`editor` or `admin`; a string, or an array whose highest known role counts). */
  roleClaim: string;
  /** The claim that names the person in the audit log (`sub`, `email`…). */
  nameClaim: string;
}

/**
 * Limits on what one document may ask, checked after parsing and before
 * validation (see src/graphql/limits.ts). Each refusal is HTTP 400 with its
 * own error code.
 */
export interface OperationLimits {
  /** Tokens in the document, counted while it is parsed. */
  maxTokens: number;
  /** Deepest field nesting; introspection fields (`__schema`…) do not count. */
  maxDepth: number;
  /** Aliased fields, counted where fragments are spread. */
  maxAliases: number;
  /** Directives (`@include`, `@skip`, unknown ones…), counted where fragments are spread. */
  maxDirectives: number;
  /** Estimated items: each field costs 1, times the page size (`first`/`last`) of every list above it. */
  maxCost: number;
  /** Fields written again under a response name already asked in the same selection set (`{ name name }`). */
  maxRepeatedFields: number;
  /** Fragment spreads once every fragment is expanded (a fragment spread twice in one spread twice counts 2 + 4). */
  maxFragmentSpreads: number;
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

function readVariable(name: string, variable: Variable, source: NodeJS.ProcessEnv): unknown {
  const raw = source[name];
  // An empty value means unset: that is how shells and .env files clear a variable.
  const value = raw === undefined || raw === '' ? undefined : raw;
  const result = variable.schema.safeParse(value);
  if (!result.success) {
    const problem = result.error.issues[0]?.message ?? 'is invalid';
    const shown = variable.secret ? '(hidden)' : JSON.stringify(raw);
    throw new ConfigError(name, `Invalid environment variable ${name}=${shown}: ${problem}. Example of a good value: ${name}=${variable.example}`);
  }
  return result.data;
}

/**
 * Every variable of `variables` read from `source`, validated; the first wrong
 * one throws a ConfigError naming it. Exported for the commands that read
 * settings of their own (seed/enrich/settings.ts).
 */
export function readVariables<V extends Record<string, Variable>>(variables: V, source: NodeJS.ProcessEnv): VariableValues<V> {
  return Object.fromEntries(Object.entries(variables).map(([name, variable]) => [name, readVariable(name, variable, source)])) as VariableValues<V>;
}

/** The three settings a JWT provider needs, all or none: half a provider would fail every request. */
const jwtVariables = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const;

function readJwtConfig(env: Env): JwtConfig | undefined {
  const missing = jwtVariables.filter((name) => env[name] === undefined);
  if (missing.length === jwtVariables.length) return undefined;
  if (missing.length > 0) {
    const set = jwtVariables.filter((name) => !missing.includes(name));
    throw new ConfigError(
      missing[0]!,
      `Missing environment variable ${missing.join(', ')}: ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set, and JWTs need all of ${jwtVariables.join(', ')} (or none). ` +
        `Example of good values: ${missing.map((name) => `${name}=${variables[name].example}`).join(' ')}`,
    );
  }
  return {
    jwksUrl: env.AUTH_JWKS_URL!,
    issuer: env.AUTH_ISSUER!,
    audience: env.AUTH_AUDIENCE!,
    roleClaim: env.AUTH_ROLE_CLAIM,
    nameClaim: env.AUTH_NAME_CLAIM,
  };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = readVariables(variables, source);
  const isProduction = env.NODE_ENV === 'production';
  if (env.DATABASE_REPLICA_URLS && env.DATABASE_URL === undefined) {
    // The embedded PGlite has no replicas: replicas without their primary are a mistake.
    throw new ConfigError(
      'DATABASE_URL',
      `Missing environment variable DATABASE_URL: DATABASE_REPLICA_URLS is set, and read replicas need their primary. Example of a good value: DATABASE_URL=${variables.DATABASE_URL.example}`,
    );
  }
  const introspection = env.GRAPHQL_INTROSPECTION ?? !isProduction;
  if (env.GRAPHQL_EXPLORER === true && !introspection) {
    // An explorer without introspection would open on an unknown schema: say so instead of serving it broken.
    throw new ConfigError(
      'GRAPHQL_EXPLORER',
      `Invalid environment variable GRAPHQL_EXPLORER=${JSON.stringify(source.GRAPHQL_EXPLORER)}: the explorer reads the schema through introspection, which is off${env.GRAPHQL_INTROSPECTION === undefined ? ' in production' : ''}. ` +
        'Turn introspection on too, or leave GRAPHQL_EXPLORER unset. Example of good values: GRAPHQL_INTROSPECTION=true GRAPHQL_EXPLORER=true',
    );
  }
  return {
    env: env.NODE_ENV,
    isProduction,
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    databaseReplicas: env.DATABASE_REPLICA_URLS && { urls: env.DATABASE_REPLICA_URLS, downMs: env.DATABASE_REPLICA_DOWN_MS },
    host: env.HOST,
    port: env.PORT,
    seedOnStart: env.SEED_ON_START,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    introspection,
    explorer: env.GRAPHQL_EXPLORER ?? introspection,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    databaseConnectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    databaseStatementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    databasePreparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    limits: {
      maxTokens: env.MAX_QUERY_TOKENS,
      maxDepth: env.MAX_QUERY_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxDirectives: env.MAX_DIRECTIVES,
      maxCost: env.MAX_QUERY_COST,
      maxRepeatedFields: env.MAX_REPEATED_FIELDS,
      maxFragmentSpreads: env.MAX_FRAGMENT_SPREADS,
    },
    readyTimeoutMs: env.READY_TIMEOUT_MS,
    apqCacheBytes: env.APQ_CACHE_BYTES,
    trustedDocuments: env.TRUSTED_DOCUMENTS,
    trustedDocumentsManifest: env.TRUSTED_DOCUMENTS_MANIFEST,
    importMaxFileBytes: env.IMPORT_MAX_FILE_BYTES,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    responseCacheTtlSeconds: env.RESPONSE_CACHE_TTL_SECONDS,
    compiledReads: env.COMPILED_READS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    auth: { jwt: readJwtConfig(env) },
    tracing: env.OTEL_EXPORTER_OTLP_ENDPOINT === undefined ? undefined : { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME },
    metrics: env.METRICS_PORT === undefined ? undefined : { port: env.METRICS_PORT, host: env.METRICS_HOST, path: env.METRICS_PATH },
  };
}
