import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLContext } from '../context.js';
import type { CacheGeneration } from './generation.js';

/** A request that carries credentials is never served from, nor stored into, the shared cache. */
function isAnonymous(requestContext: GraphQLRequestContext<GraphQLContext>): boolean {
  return !requestContext.request.http?.headers.get('authorization');
}

/**
 * How long an answer may be cached, by us and by anyone downstream (CDNs,
 * browsers, through `Cache-Control`): the schema's @cacheControl hints, capped
 * by RESPONSE_CACHE_TTL_SECONDS (0 when caching is off: every answer then says
 * `no-store`, as before hints existed), and nothing at all for a request with
 * credentials. Restricted once execution is over: restricting earlier would
 * make Apollo's cache control plugin ignore the schema's hints.
 */
function cachePolicyCap(ttlSeconds: number): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        executionDidStart(requestContext) {
          return Promise.resolve({
            executionDidEnd() {
              const policy = requestContext.overallCachePolicy;
              // Only the schema's hints make an answer cacheable (a bare `{ __typename }` has none): the cap only lowers them.
              if (!isAnonymous(requestContext)) policy.restrict({ maxAge: 0 });
              else if (policy.maxAge !== undefined) policy.restrict({ maxAge: ttlSeconds });
              return Promise.resolve();
            },
          });
        },
      });
    },
  };
}

/**
 * Apollo's cache control (schema hints → `Cache-Control`) and, when
 * `ttlSeconds` > 0, Apollo's response cache for anonymous queries, keyed by
 * the cache generation read when the request starts (see generation.ts).
 */
export function responseCachePlugins(
  ttlSeconds: number,
  cache: KeyValueCache<string>,
  generation: CacheGeneration,
): ApolloServerPlugin<GraphQLContext>[] {
  const plugins: ApolloServerPlugin<GraphQLContext>[] = [ApolloServerPluginCacheControl({ calculateHttpHeaders: true }), cachePolicyCap(ttlSeconds)];
  if (ttlSeconds === 0) return plugins;
  // The generation each request read when it started; undefined: unknown (Redis down), so no caching.
  const generations = new WeakMap<GraphQLContext, string | undefined>();
  const cacheable = (requestContext: GraphQLRequestContext<GraphQLContext>) =>
    Promise.resolve(isAnonymous(requestContext) && generations.get(requestContext.contextValue) !== undefined);
  plugins.push(
    ApolloServerPluginResponseCache<GraphQLContext>({
      cache,
      async extraCacheKeyData(requestContext) {
        const current = isAnonymous(requestContext) ? await generation.current() : undefined;
        generations.set(requestContext.contextValue, current);
        return { generation: current };
      },
      shouldReadFromCache: cacheable,
      shouldWriteToCache: cacheable,
    }),
  );
  return plugins;
}
