import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import cors from 'cors';
import express from 'express';
import type { Config } from './config.js';
import { createContext, type GraphQLContext } from './context.js';
import type { Database } from './db/database.js';
import type { Logger } from './logger.js';
import { resolvers, typeDefs } from './schema.js';

/** An operation that works on the seeded data, shown when Apollo Sandbox opens. */
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

export type ServerConfig = Pick<Config, 'isProduction' | 'introspection' | 'corsOrigins'>;

/** Builds the HTTP app and Apollo Server without listening: tests and main() share it. */
export function createServer(config: ServerConfig, database: Database, logger: Logger): AppServer {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: config.introspection,
    // main() owns SIGTERM/SIGINT: it drains HTTP, then closes the database.
    stopOnTerminationSignals: false,
    // Stacks belong in the logs, not in responses, in every environment.
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, document: SANDBOX_EXAMPLE, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });

  // Every response carries the request id that its log lines carry.
  app.use((request, response, next) => {
    const incoming = request.get('x-request-id');
    const requestId = incoming && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    response.locals.requestId = requestId;
    response.setHeader('x-request-id', requestId);
    next();
  });

  /** Liveness: the process answers. */
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  /** Readiness: the database answers too; load balancers stop routing here while it does not. */
  app.get('/readyz', async (_request, response) => {
    const ready = await database.isReady();
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });

  return {
    httpServer,
    apollo,
    async start() {
      await apollo.start();
      app.use(
        '/graphql',
        cors<cors.CorsRequest>({ origin: config.corsOrigins ?? !config.isProduction }),
        express.json({ limit: '100kb' }),
        expressMiddleware(apollo, {
          context: async ({ res }) => createContext(database.prisma, String(res.locals.requestId)),
        }),
      );
      app.use((_request, response) => {
        response.status(404).json({ error: 'Not found. The GraphQL endpoint is /graphql.' });
      });
      logger.debug('graphql server started');
    },
    async stop() {
      await apollo.stop();
    },
  };
}
