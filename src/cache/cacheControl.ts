import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLContext } from '../context.js';
import { plainData } from '../graphql/rawJson.js';
import { cachePolicyPlanner, executedCachePolicy, type CacheHint, type OperationCachePlan } from './documentCachePolicy.js';

/** A request that carries credentials is never served from, nor stored into, a shared cache. */
export function isAnonymous(requestContext: GraphQLRequestContext<GraphQLContext>): boolean {
  return !requestContext.request.http?.headers.get('authorization');
}

type Policy = GraphQLRequestContext<GraphQLContext>['overallCachePolicy'];

/**
 * How long an answer may be cached, by us and by anyone downstream (CDNs,
 * browsers, through `Cache-Control`): the schema's @cacheControl hints, capped
 * by RESPONSE_CACHE_TTL_SECONDS (0 when caching is off: every answer then says
 * `no-store`, as before hints existed), and nothing at all for a request with
 * credentials. Only the schema's hints make an answer cacheable (a bare
 * `{ __typename }` has none): the cap only lowers them.
 */
function setCappedPolicy(policy: Policy, computed: CacheHint, anonymous: boolean, ttlSeconds: number): void {
  policy.maxAge = computed.maxAge;
  policy.scope = computed.scope;
  if (!anonymous) policy.restrict({ maxAge: 0 });
  else if (policy.maxAge !== undefined) policy.restrict({ maxAge: ttlSeconds });
}

const UNCACHEABLE = 'no-store';
const CACHEABLE_HEADER = /^max-age=(\d+), (public|private)$/;

/**
 * The `Cache-Control` header, as Apollo's cache control plugin sets it with
 * calculateHttpHeaders: true: `max-age=N, public|private` for a cacheable
 * answer without errors (lowered by a parsable header already set), else
 * `no-store`; a header it cannot parse is left alone.
 */
function setCacheControlHeader(requestContext: GraphQLRequestContextWillSendResponse<GraphQLContext>): void {
  const { response, overallCachePolicy } = requestContext;
  const existing = response.http.headers.get('cache-control') || undefined;
  const match = existing === undefined || existing === UNCACHEABLE ? null : CACHEABLE_HEADER.exec(existing);
  if (existing !== undefined && existing !== UNCACHEABLE && !match) return;
  const policy: CacheHint = { maxAge: overallCachePolicy.maxAge, scope: overallCachePolicy.scope };
  if (match) {
    const maxAge = Number(match[1]);
    if (policy.maxAge === undefined || maxAge < policy.maxAge) policy.maxAge = maxAge;
    if (policy.scope !== 'PRIVATE') policy.scope = match[2] === 'public' ? 'PUBLIC' : 'PRIVATE';
  }
  const cacheable = policy.maxAge !== undefined && policy.maxAge !== 0;
  const { body } = response;
  if (cacheable && existing !== UNCACHEABLE && body.kind === 'single' && !body.singleResult.errors) {
    response.http.headers.set('cache-control', `max-age=${policy.maxAge}, ${(policy.scope ?? 'PUBLIC').toLowerCase()}`);
  } else {
    response.http.headers.set('cache-control', UNCACHEABLE);
  }
}

/**
 * Apollo's cache control without its per-field hooks (use with
 * ApolloServerPluginCacheControlDisabled): the policy of each operation is
 * computed from the document (documentCachePolicy.ts, once per document) and
 * set, capped, in didResolveOperation, before any plugin's
 * responseForOperation, so that it holds whether resolvers run or not. Where
 * the data can make Apollo's policy more lenient than the document's (a
 * restrictive field under a null or empty parent), it is recomputed from the
 * answer in willSendResponse, before the response cache (a later plugin)
 * reads it (a compiled read's data is parsed then, and only then: rawJson.ts).
 * Then the `Cache-Control` header.
 */
export function cacheControlPlugin(ttlSeconds: number): ApolloServerPlugin<GraphQLContext> {
  const planFor = cachePolicyPlanner();
  return {
    requestDidStart() {
      let plan: OperationCachePlan | undefined;
      let anonymous = true;
      return Promise.resolve({
        didResolveOperation(requestContext) {
          const { schema, document, operation, request } = requestContext;
          if (!operation) return Promise.resolve();
          plan = planFor(schema, document, operation, request.variables);
          anonymous = isAnonymous(requestContext);
          if (plan) setCappedPolicy(requestContext.overallCachePolicy, plan.policy, anonymous, ttlSeconds);
          return Promise.resolve();
        },
        // Synchronous up to its end: the response cache's willSendResponse (a later plugin) reads the policy after an await.
        willSendResponse(requestContext) {
          const { body } = requestContext.response;
          // Only a cacheable answer can change: the cap makes the rest uncacheable whatever the fields; an answer from the cache carries its policy.
          const refine = plan && !plan.exact && anonymous && ttlSeconds > 0 && !requestContext.metrics.responseCacheHit;
          if (refine && body.kind === 'single' && body.singleResult.data && !body.singleResult.errors) {
            setCappedPolicy(requestContext.overallCachePolicy, executedCachePolicy(plan!, plainData(body.singleResult.data)), anonymous, ttlSeconds);
          }
          setCacheControlHeader(requestContext);
          return Promise.resolve();
        },
      });
    },
  };
}
