import net from 'node:net';

/**
 * Counts the SQL statements a server sends, by reading the PostgreSQL wire
 * protocol on a TCP proxy between the server and PostgreSQL: each Execute
 * message (extended protocol, one statement) and each Query message (simple
 * protocol) is one statement; its text comes from the Parse message of its
 * prepared statement. This works whatever the server's driver and needs no
 * extension (pg_stat_statements needs shared_preload_libraries and a
 * restart). The proxy costs time, so it is used only for the one-off
 * counting pass, never while measuring speed.
 */
export interface StatementCounter {
  /** A connection URL that reaches `targetUrl` through the proxy. */
  url: string;
  /** Statements seen since the last reset, with their texts. */
  statements(): string[];
  reset(): void;
  close(): Promise<void>;
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)\b/iu;

/** True for statements that read or write data (not BEGIN, COMMIT…). */
export function isDataStatement(text: string): boolean {
  return !TRANSACTION_CONTROL.test(text);
}

/** Reads the client-to-server messages of one connection; `onStatement` gets each executed statement's text. */
export class FrontendParser {
  private buffer = Buffer.alloc(0);
  private started = false;
  private readonly prepared = new Map<string, string>();
  private readonly portals = new Map<string, string>();

  constructor(private readonly onStatement: (text: string) => void) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.started) {
        // Startup, SSL and cancel requests: a length and no type byte.
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        this.buffer = this.buffer.subarray(length);
        // 80877103 asks for SSL and is followed by another startup message.
        if (code !== 80877103) this.started = true;
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      this.message(String.fromCharCode(this.buffer[0]!), this.buffer.subarray(5, 1 + length));
      this.buffer = this.buffer.subarray(1 + length);
    }
  }

  private message(type: string, body: Buffer): void {
    const strings = () => body.toString('utf8').split('\0');
    if (type === 'Q') {
      this.onStatement(strings()[0] ?? '');
    } else if (type === 'P') {
      const [name = '', text = ''] = strings();
      this.prepared.set(name, text);
    } else if (type === 'B') {
      const [portal = '', statement = ''] = strings();
      this.portals.set(portal, this.prepared.get(statement) ?? '');
    } else if (type === 'E') {
      const [portal = ''] = strings();
      this.onStatement(this.portals.get(portal) ?? '');
    }
  }
}

export async function startStatementCounter(targetUrl: string): Promise<StatementCounter> {
  const target = new URL(targetUrl);
  let seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    const parser = new FrontendParser((text) => seen.push(text));
    client.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    statements: () => seen.filter(isDataStatement),
    reset: () => {
      seen = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
