import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLContext } from '../context.js';
import { cacheControlPlugin, isAnonymous } from './cacheControl.js';
import type { CacheGeneration } from './generation.js';

/**
 * Cache control (schema hints → `Cache-Control`, see cacheControl.ts; Apollo's
 * own plugin, which hooks every field, off) and, when `ttlSeconds` > 0,
 * Apollo's response cache for anonymous queries, keyed by the cache
 * generation read when the request starts (see generation.ts). The cache
 * control plugin comes first: the response cache reads the policy it sets.
 */
export function responseCachePlugins(
  ttlSeconds: number,
  cache: KeyValueCache<string>,
  generation: CacheGeneration,
): ApolloServerPlugin<GraphQLContext>[] {
  const plugins: ApolloServerPlugin<GraphQLContext>[] = [ApolloServerPluginCacheControlDisabled(), cacheControlPlugin(ttlSeconds)];
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
