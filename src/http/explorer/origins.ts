/**
 * Where the explorer's parts come from: the page (landingPage.ts) loads them,
 * the content security policy (../securityHeaders.ts) allows exactly these.
 */

/**
 * Apollo Sandbox's script, the URL Apollo Server's own landing page uses
 * (@apollo/server, plugin/landingPage/default: version `_latest`).
 */
export const SANDBOX_SCRIPT = 'https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js';
export const SANDBOX_SCRIPT_ORIGIN = new URL(SANDBOX_SCRIPT).origin;
/** The Sandbox itself runs in an iframe from this origin, and talks to the page through postMessage. */
export const SANDBOX_EMBED_ORIGIN = 'https://sandbox.embed.apollographql.com';

/**
 * The bundled GraphiQL and the page's script, served by this server
 * (assets.ts). Under /graphql, so that a reverse proxy that forwards /graphql
 * forwards the explorer whole.
 */
export const EXPLORER_ASSETS_PATH = '/graphql/explorer';
