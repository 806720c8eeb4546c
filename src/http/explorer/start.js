// The explorer page's script (landingPage.ts renders the page, assets.ts
// serves this file as is, to browsers: plain JavaScript, no build step).
//
// Apollo Sandbox first: its script from Apollo's CDN, then its iframe. Sandbox
// counts as loaded when the iframe sends its first message (its handshake):
// a script served from the browser's cache with the iframe out of reach would
// otherwise leave a blank page. Where the script fails (offline: at once) or
// no message comes in time, GraphiQL from this server takes the page, with
// the same example operation. Whatever happens later (a late Sandbox) is
// ignored: the page changes its mind once at most.
/* global document, window, location, setTimeout, clearTimeout, URL */
'use strict';

(function startExplorer() {
  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  const status = document.getElementById('explorer-status');
  const target = document.getElementById('explorer');
  // This page's address without ?query=… (GraphiQL keeps the edited operation there).
  const endpoint = location.origin + location.pathname;
  let decided = false;

  function keepSandbox() {
    decided = true;
    clearTimeout(timer);
    window.removeEventListener('message', onMessage);
    status.remove();
  }

  function onMessage(event) {
    if (!decided && event.origin === config.sandboxOrigin) keepSandbox();
  }

  /** Monaco (GraphiQL's editor) runs its language services in workers: ours, not blob: URLs, so that the CSP stays `worker-src 'self'`. */
  const workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };

  function useGraphiQL(reason) {
    if (decided) return;
    decided = true;
    clearTimeout(timer);
    window.removeEventListener('message', onMessage);
    target.replaceChildren(); // a half-loaded Sandbox iframe, if any
    status.textContent = 'Apollo Sandbox cannot be loaded here (' + reason + '): this is GraphiQL, served by this API.';
    window.MonacoEnvironment = {
      globalAPI: false,
      getWorkerUrl: (_moduleId, label) => config.assets + '/' + (workers[label] || workers.editorWorkerService),
    };
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = config.assets + '/graphiql.css';
    document.head.append(style);
    const script = document.createElement('script');
    script.src = config.assets + '/graphiql.js';
    script.onload = () => {
      window.YogaGraphiQL.renderYogaGraphiQL(target, { endpoint, defaultQuery: config.document, title: 'Lab publications API' });
    };
    script.onerror = () => {
      status.textContent = 'Neither Apollo Sandbox nor the bundled GraphiQL could be loaded (' + config.assets + '/graphiql.js).';
    };
    document.head.append(script);
  }

  const timer = setTimeout(() => useGraphiQL('no answer from ' + config.sandboxOrigin + ' in ' + config.sandboxTimeoutMs / 1000 + ' s'), config.sandboxTimeoutMs);
  window.addEventListener('message', onMessage);
  const sandbox = document.createElement('script');
  sandbox.src = config.sandboxScript;
  sandbox.onerror = () => useGraphiQL('its script did not load from ' + new URL(config.sandboxScript).origin);
  sandbox.onload = () => {
    if (decided) return;
    try {
      // The options of Apollo Server's own Sandbox landing page (embed: true).
      new window.EmbeddedSandbox({
        target: '#explorer',
        initialEndpoint: endpoint,
        initialState: { document: config.document, includeCookies: false },
        endpointIsEditable: false,
        hideCookieToggle: false,
        allowDynamicStyles: false,
      });
    } catch (error) {
      useGraphiQL('its script failed: ' + error.message);
    }
  };
  document.head.append(sandbox);
})();
