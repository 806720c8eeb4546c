import type { ApolloServerPlugin } from '@apollo/server';
import { EXPLORER_ASSETS_PATH, SANDBOX_EMBED_ORIGIN, SANDBOX_SCRIPT } from './origins.js';

/**
 * How long the page waits for Apollo Sandbox to answer before it shows the
 * bundled GraphiQL. Offline (no DNS, no route) the Sandbox script fails at
 * once and GraphiQL comes up at once; this bound is for the slower failures: a
 * firewall that drops packets, or a Sandbox script served from the browser's
 * cache while its iframe cannot load.
 */
export const SANDBOX_TIMEOUT_MS = 10_000;

/** What the page's script (start.js) reads; JSON in the page, so that the page needs no inline script. */
export interface ExplorerPageConfig {
  /** The operation shown when the explorer opens. */
  document: string;
  sandboxScript: string;
  /** Sandbox counts as loaded once its iframe (this origin) sends its first message. */
  sandboxOrigin: string;
  sandboxTimeoutMs: number;
  /** Where the bundled GraphiQL and start.js are served (src/http/explorer/assets.ts). */
  assets: string;
}

/** JSON safe inside <script>: no `</script>` or `<!--` can close or confuse the element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The page: Apollo Sandbox where Apollo's CDN answers, else GraphiQL from this
 * server (start.js decides, in the browser: only the browser knows whether it
 * can reach the CDN). No inline script at all, so that the content security
 * policy (src/http/securityHeaders.ts) allows scripts from this server and
 * Sandbox's CDN only, with no nonce to thread through. The inline <style> is
 * allowed there anyway: GraphiQL's editor (Monaco) and React write styles.
 */
export function explorerPageHtml(config: ExplorerPageConfig): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>Lab publications API · GraphQL explorer</title>
    <link rel="icon" href="${config.assets}/favicon.ico" />
    <style>
      html, body { height: 100%; margin: 0; }
      body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
      #explorer-status { margin: 0; padding: 0.3em 0.8em; font-size: 0.85em; color: #555; background: #f4f4f4; }
      #explorer { flex: 1; min-height: 0; }
      #explorer iframe { width: 100%; height: 100%; border: none; }
    </style>
    <script type="application/json" id="explorer-config">${scriptSafeJson(config)}</script>
    <script src="${config.assets}/start.js" defer></script>
  </head>
  <body>
    <noscript>The explorer needs JavaScript. The API itself answers GraphQL requests (POST, JSON) at this address.</noscript>
    <p id="explorer-status" role="status">Loading Apollo Sandbox…</p>
    <div id="explorer"></div>
  </body>
</html>
`;
}

/**
 * Apollo Server's landing page (GET /graphql from a browser) replaced by ours:
 * Apollo's own (ApolloServerPluginLandingPageLocalDefault) is a blank
 * "Sandbox cannot be loaded" page wherever its CDN is out of reach.
 */
export function explorerLandingPage(document: string): ApolloServerPlugin {
  const html = explorerPageHtml({
    document,
    sandboxScript: SANDBOX_SCRIPT,
    sandboxOrigin: SANDBOX_EMBED_ORIGIN,
    sandboxTimeoutMs: SANDBOX_TIMEOUT_MS,
    assets: EXPLORER_ASSETS_PATH,
  });
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}
