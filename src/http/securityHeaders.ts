import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The origins Apollo's landing page (Sandbox, embedded) loads from, as listed
 * in @apollo/server's plugin/landingPage/default: scripts and styles from its
 * CDNs, the Sandbox itself in an iframe.
 */
const apolloCdns = [
  'https://apollo-server-landing-page.cdn.apollographql.com',
  'https://embeddable-sandbox.cdn.apollographql.com',
  'https://embeddable-explorer.cdn.apollographql.com',
];
const apolloEmbeds = ['https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'];

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
 * The landing page's HTML carries its own CSP (a <meta> with a nonce per answer);
 * a browser enforces both, so this header only has to allow what that one allows.
 * It cannot know the nonce: inline code is allowed here and held to the nonce by
 * the page's own policy.
 */
const landingPage = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'", ...apolloCdns],
      styleSrc: ["'self'", "'unsafe-inline'", ...apolloCdns, 'https://fonts.googleapis.com'],
      fontSrc: ["'self'", 'https://fonts.gstatic.com'],
      imgSrc: ["'self'", 'data:', ...apolloCdns],
      manifestSrc: ["'self'", ...apolloCdns],
      frameSrc: apolloEmbeds,
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'self'"],
    },
  },
});

/** What Apollo Server answers with its landing page: a GET that prefers HTML (as its own negotiation). */
function asksForLandingPage(request: Request): boolean {
  return request.method === 'GET' && request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Security headers on every answer. `landingPageAt` is the path of the landing
 * page when it is on (outside production); null: a strict policy everywhere.
 */
export function securityHeaders(landingPageAt: string | null): RequestHandler {
  return (request, response, next) => {
    const policy = landingPageAt !== null && request.path.replace(/\/$/, '') === landingPageAt && asksForLandingPage(request) ? landingPage : strict;
    policy(request, response, next);
  };
}
