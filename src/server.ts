import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import type { DocumentNode } from 'graphql';
import express from 'express';
import { createAuthenticator } from './auth/authenticate.js';
import { createSharedState } from './cache/sharedState.js';
import type { Config } from './config.js';
import { createContext, type GraphQLContext } from './context.js';
import type { Database } from './db/database.js';
import { compiledReadsPlugin } from './graphql/compiled/plugin.js';
import { compilerRegistry } from './graphql/compiled/registry.js';
import { createFormatError } from './graphql/errors.js';
import { KnownOperationTypes } from './graphql/knownOperationTypes.js';
import { limitAwareDocumentStore, operationLimitsPlugin } from './graphql/limits.js';
import { requestLoggingPlugin } from './graphql/logging.js';
import { stringifyResult } from './graphql/rawJson.js';
import { readRoutingPlugin } from './graphql/readRouting.js';
import { loadManifest, trustedDocumentsPlugin } from './graphql/trustedDocuments.js';
import { citationDownloads } from './http/citations.js';
import { drainHttpServer } from './http/drain.js';
import { httpErrorHandler, notFound, withDeadline } from './http/errors.js';
import { explorerAssets } from './http/explorer/assets.js';
import { explorerLandingPage } from './http/explorer/landingPage.js';
import { EXPLORER_ASSETS_PATH } from './http/explorer/origins.js';
import { httpLogger } from './http/httpLogger.js';
import { requestId, requestIdInErrors } from './http/requestId.js';
import { securityHeaders } from './http/securityHeaders.js';
import type { Logger } from './logger.js';
import type { ImportFiles, ImportRunOptions, ProfileFile } from './modules/import/files.js';
import type { AppMetrics } from './metrics/metrics.js';
import { metricsPlugin, metricsScope } from './metrics/plugin.js';
import { resolvers, typeDefs } from './schema.js';

/** An operation that works on the seeded data, shown when the explorer (Apollo Sandbox or GraphiQL) opens. */
export const SANDBOX_EXAMPLE = `# Lab members with their topics, latest papers and closest co-authors.
query LabMembers {
  researchers(first: 5, filter: { isMember: true }, orderBy: PUBLICATION_COUNT) {
    totalCount
    nodes {
      name
      position
      organization
      topics { name nameFr }
      publications(first: 3) {
        totalCount
        nodes { title codeUrl authors { name } }
      }
      coauthors(first: 3) { sharedPublications researcher { name } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export interface AppServer {
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Starts Apollo and mounts the routes; call before listening. */
  start(): Promise<void>;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  stop(): Promise<void>;
}

export type ServerConfig = Pick<
  Config,
  | 'isProduction'
  | 'introspection'
  | 'explorer'
  | 'corsOrigins'
  | 'limits'
  | 'maxBodyBytes'
  | 'requestTimeoutMs'
  | 'apqCacheBytes'
  | 'trustedDocuments'
  | 'trustedDocumentsManifest'
  | 'shutdownGraceMs'
  | 'readyTimeoutMs'
  | 'importMaxFileBytes'
  | 'redisUrl'
  | 'redisKeyPrefix'
  | 'responseCacheTtlSeconds'
  | 'compiledReads'
  | 'rateLimitPerMinute'
  | 'trustProxy'
  | 'auth'
>;

export interface ServerOptions {
  /** seed/'s profile importer, for the importProfiles mutation (src/index.ts passes it: src/ may not import seed/). */
  importFiles?: ImportFiles;
}

/**
 * Builds the HTTP app and Apollo Server without listening: tests and main() share it.
 * With `metrics` (METRICS_PORT set), GraphQL requests are measured into them.
 */
export function createServer(config: ServerConfig, database: Database, logger: Logger, metrics?: AppMetrics, options: ServerOptions = {}): AppServer {
  const { importFiles } = options;
  const importer = importFiles && { maxFileBytes: config.importMaxFileBytes, run: (files: ProfileFile[], run: ImportRunOptions) => importFiles(database, files, run) };
  // The explorer reads the schema through introspection: never on without it (loadConfig refuses the
  // combination; this also holds for configurations built by hand, as the tests do).
  const explorer = config.explorer && config.introspection;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  // A client that sends its request slowly (or never finishes) is cut off.
  httpServer.requestTimeout = config.requestTimeoutMs;
  httpServer.headersTimeout = Math.min(config.requestTimeoutMs, 60_000);

  // Caches and the rate limit: in Redis when REDIS_URL is set, shared by every instance.
  const shared = createSharedState(config, database, logger);

  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: config.introspection,
    // main() owns SIGTERM/SIGINT: it drains HTTP, then closes the database.
    stopOnTerminationSignals: false,
    // No "Did you mean …" hints that spell out the schema when introspection is off.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    // Stacks belong in the logs, not in responses, in every environment.
    includeStacktraceInErrorResponses: false,
    // A huge document is refused while it is parsed, before validation can cost anything.
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Batched requests (a JSON array) multiply every other limit: off (Apollo's default, stated).
    allowBatchedHttpRequests: false,
    validationRules: [KnownOperationTypes],
    // Apollo's default cache of validated documents, minus the stand-ins of refused ones.
    documentStore: limitAwareDocumentStore(new InMemoryLRUCache<DocumentNode>()),
    persistedQueries: shared.apqCache ? { cache: shared.apqCache } : false,
    formatError: createFormatError(config),
    // Compact JSON as Apollo's default writes it; a compiled read's data is spliced in as the text PostgreSQL built.
    stringifyResult,
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
    plugins: [
      // GET /graphql from a browser: Apollo Sandbox, or GraphiQL from this server where Apollo's CDN is out of reach.
      explorer ? explorerLandingPage(SANDBOX_EXAMPLE) : ApolloServerPluginLandingPageDisabled(),
      requestLoggingPlugin(logger),
      // Limits first: a hostile document is refused before anything else looks at it.
      operationLimitsPlugin(config.limits),
      ...(config.trustedDocuments ? [trustedDocumentsPlugin(loadManifest(config.trustedDocumentsManifest))] : []),
      ...shared.plugins,
      ...(metrics ? [metricsPlugin(metrics)] : []),
      // Queries read from a replica (when there are any), mutations use the primary throughout.
      readRoutingPlugin(database.prisma),
      // Last: after the limits and the cache policy (didResolveOperation: the policy comes from the
      // document, src/cache/cacheControl.ts, so a compiled answer gets the same Cache-Control and is
      // stored by the response cache like any other) and after the response cache's own answer.
      ...(config.compiledReads ? [compiledReadsPlugin(compilerRegistry, logger)] : []),
    ],
  });

  // Once per server: it holds the JWT provider's cached keys.
  const authenticator = createAuthenticator(database.prisma, config.auth);

  app.use(requestId);
  app.use(httpLogger(logger));
  // The explorer page's policy lets Sandbox and the bundled GraphiQL load (see plugins above).
  app.use(securityHeaders(explorer ? '/graphql' : null));

  /** Liveness: the process answers. */
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  /**
   * Readiness: the database answers too; load balancers stop routing here while it does not.
   * Redis down leaves the API serving (degraded, still 200).
   */
  app.get('/readyz', async (_request, response) => {
    // Replicas that are down do not make the instance unready (reads fall back
    // to the primary); they are listed so that someone can go and fix them.
    const [ready, degradations, replicaStatus] = await Promise.all([
      database.isReady(config.readyTimeoutMs),
      shared.degradations(),
      database.replicaStatus(config.readyTimeoutMs),
    ]);
    const replicas = replicaStatus.length > 0 ? { replicas: replicaStatus } : {};
    if (!ready) response.status(503).json({ status: 'database unavailable', ...replicas });
    else if (Object.keys(degradations).length > 0) response.json({ status: 'degraded', ...degradations, ...replicas });
    else response.json({ status: 'ready', ...replicas });
  });

  // The bundled GraphiQL's files, before Apollo's /graphql middleware (mounted in start()) and its rate limit;
  // a 404 there, not Apollo's 400 for a GET without a query, where the explorer is off or the file unknown.
  app.use(EXPLORER_ASSETS_PATH, explorer ? explorerAssets() : notFound);

  /**
   * Citation files of a researcher: /researchers/{slug}/publications.bib, .ris, .json.
   * Mounted under its prefix: other requests (every /graphql one) skip its routes after one test.
   */
  app.use('/researchers', citationDownloads(database, config.requestTimeoutMs));

  return {
    httpServer,
    apollo,
    async start() {
      await shared.start();
      await apollo.start();
      app.use('/graphql', ...shared.httpMiddleware);
      app.use(
        '/graphql',
        requestIdInErrors,
        cors<cors.CorsRequest>({ origin: config.corsOrigins ?? !config.isProduction, exposedHeaders: ['X-Request-Id'] }),
        express.json({ limit: config.maxBodyBytes }),
        ...(metrics ? [metricsScope(metrics)] : []),
        withDeadline(
          config.requestTimeoutMs,
          expressMiddleware(apollo, {
            context: ({ req, res }) =>
              Promise.resolve(createContext(database.readClient(), String(res.locals.requestId), authenticator(req.headers.authorization), importer)),
          }),
        ),
      );
      app.use(notFound);
      app.use(httpErrorHandler(logger, config.maxBodyBytes));
    },
    async stop() {
      await drainHttpServer(httpServer, { graceMs: config.shutdownGraceMs });
      await apollo.stop();
      await shared.stop();
    },
  };
}
