import net from 'node:net';

/**
 * A TCP proxy between the app and its database, which a test can cut (the
 * database becomes unreachable) and restore, without touching the database.
 */
export interface TcpProxy {
  port: number;
  /** Delay added to every answer from the database, to keep requests in flight. */
  latencyMs: number;
  /** Rewrites a connection URL to go through the proxy. */
  route(url: string): string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /**
   * A network partition that resets nothing: connections stay open and new
   * ones are accepted, but no byte passes either way until thaw(), which
   * delivers what was held, in order.
   */
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let port = 0;
  let server: net.Server | undefined;
  let frozen = false;
  const held: (() => void)[] = [];
  const pass = (send: () => void) => (frozen ? held.push(send) : send());

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.on('data', (chunk: Buffer) =>
          pass(() => {
            if (!upstream.destroyed) upstream.write(chunk);
          }),
        );
        client.on('end', () => pass(() => upstream.end()));
        const forward = (chunk: Buffer) => {
          if (!client.destroyed) client.write(chunk);
        };
        upstream.on('data', (chunk: Buffer) =>
          pass(() => {
            // Same delay for every chunk: timers keep their order, so the stream stays intact.
            if (proxy.latencyMs > 0) setTimeout(forward, proxy.latencyMs, chunk);
            else forward(chunk);
          }),
        );
        upstream.on('end', () => pass(() => setTimeout(() => client.end(), proxy.latencyMs)));
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  const proxy: TcpProxy = {
    latencyMs: 0,
    get port() {
      return port;
    },
    route(url: string) {
      const routed = new URL(url);
      routed.hostname = '127.0.0.1';
      routed.port = String(port);
      return routed.toString();
    },
    cut: stop,
    restore: listen,
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const send of held.splice(0)) send();
    },
    close: stop,
  };
  await listen();
  return proxy;
}
