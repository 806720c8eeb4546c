import type http from 'node:http';

/**
 * Graceful stop of the HTTP server: stop accepting connections at once, let
 * requests in flight finish, then close the connections. Idle keep-alive
 * connections are closed after a short pause rather than at once, so that a
 * request already sent on one (but not yet read, on a busy machine) is still
 * served; responses sent meanwhile say `Connection: close`. Whatever is still
 * open at the end of the grace period is cut.
 */
export async function drainHttpServer(server: http.Server, options: { graceMs: number; idlePauseMs?: number }): Promise<void> {
  const idlePauseMs = options.idlePauseMs ?? 1_000;
  // Connections the kernel has accepted but the event loop has not yet taken
  // (the signal can be handled first in the same turn) would be reset when
  // the listener closes: let this turn accept them first.
  await new Promise((resolve) => setImmediate(resolve));
  server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    response.setHeader('connection', 'close');
  });
  return new Promise<void>((resolve) => {
    let sweeper: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => server.closeAllConnections(), Math.max(options.graceMs - 500, 0));
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweeper);
      resolve();
    });
    setTimeout(() => {
      server.closeIdleConnections();
      sweeper = setInterval(() => server.closeIdleConnections(), 250);
    }, Math.min(idlePauseMs, options.graceMs / 2)).unref();
  });
}
