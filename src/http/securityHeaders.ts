import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import { SANDBOX_EMBED_ORIGIN, SANDBOX_SCRIPT_ORIGIN } from './explorer/origins.js';

/**
 * Answers are JSON: nothing in them may load anything, and no page may frame them.
 * The other helmet headers (nosniff, HSTS, no referrer, …) keep their defaults.
 */
const strict = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'none'"] },
  },
});

/**
 * The explorer page (src/http/explorer/): its script and GraphiQL from this
 * server, Apollo Sandbox's script from its CDN and Sandbox itself in an iframe
 * from its embed origin, nothing else remote. The page has no inline script,
 * so scripts need neither 'unsafe-inline' nor a nonce. Styles do allow inline:
 * GraphiQL's React components and its editor (Monaco) set styles at run time.
 * Fonts and icons are data: URLs inside GraphiQL's stylesheet. Monaco's
 * workers are files of ours too (not blob: URLs). Sandbox runs its requests
 * from its own iframe (its origin, its policy); GraphiQL's go to this server.
 */
const landingPage = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'", SANDBOX_SCRIPT_ORIGIN],
      styleSrc: ["'self'", "'unsafe-inline'"],
      fontSrc: ["'self'", 'data:'],
      imgSrc: ["'self'", 'data:'],
      workerSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameSrc: [SANDBOX_EMBED_ORIGIN],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** What Apollo Server answers with its landing page: a GET that prefers HTML (as its own negotiation). */
function asksForLandingPage(request: Request): boolean {
  return request.method === 'GET' && request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Security headers on every answer. `landingPageAt` is the path of the
 * explorer page when it is on (see Config.explorer); null: a strict policy
 * everywhere. The explorer's files (/graphql/explorer/…) get the strict one:
 * a script's own policy only matters for Monaco's workers, which load nothing.
 */
export function securityHeaders(landingPageAt: string | null): RequestHandler {
  return (request, response, next) => {
    const policy = landingPageAt !== null && request.path.replace(/\/$/, '') === landingPageAt && asksForLandingPage(request) ? landingPage : strict;
    policy(request, response, next);
  };
}
