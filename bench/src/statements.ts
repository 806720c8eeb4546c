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
/** A statement as sent: its text and its parameters (text format; null for SQL NULL or a binary value). */
export interface SentStatement {
  text: string;
  params: (string | null)[];
}

export interface StatementCounter {
  /** A connection URL that reaches `targetUrl` through the proxy. */
  url: string;
  /** Statements seen since the last reset. */
  statements(): SentStatement[];
  reset(): void;
  close(): Promise<void>;
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)\b/iu;

/** True for statements that read or write data (not BEGIN, COMMIT…). */
export function isDataStatement(text: string): boolean {
  return !TRANSACTION_CONTROL.test(text);
}

/** Parameters of a Bind message body after its portal and statement names (text format; binary ones as null). */
function bindParameters(body: Buffer, offset: number): (string | null)[] {
  let at = offset;
  const formatCount = body.readInt16BE(at);
  const formats = Array.from({ length: formatCount }, (_, index) => body.readInt16BE(at + 2 + index * 2));
  at += 2 + formatCount * 2;
  const count = body.readInt16BE(at);
  at += 2;
  const params: (string | null)[] = [];
  for (let index = 0; index < count; index += 1) {
    const length = body.readInt32BE(at);
    at += 4;
    const binary = (formats.length === 1 ? formats[0] : formats[index]) === 1;
    params.push(length < 0 || binary ? null : body.toString('utf8', at, at + length));
    if (length > 0) at += length;
  }
  return params;
}

/** Reads the client-to-server messages of one connection; `onStatement` gets each executed statement. */
export class FrontendParser {
  private buffer = Buffer.alloc(0);
  private started = false;
  private readonly prepared = new Map<string, string>();
  private readonly portals = new Map<string, SentStatement>();

  constructor(private readonly onStatement: (statement: SentStatement) => void) {}

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
      this.onStatement({ text: strings()[0] ?? '', params: [] });
    } else if (type === 'P') {
      const [name = '', text = ''] = strings();
      this.prepared.set(name, text);
    } else if (type === 'B') {
      const [portal = '', statement = ''] = strings();
      const offset = Buffer.byteLength(portal) + Buffer.byteLength(statement) + 2;
      this.portals.set(portal, { text: this.prepared.get(statement) ?? '', params: bindParameters(body, offset) });
    } else if (type === 'E') {
      const [portal = ''] = strings();
      this.onStatement(this.portals.get(portal) ?? { text: '', params: [] });
    }
  }
}

export async function startStatementCounter(targetUrl: string): Promise<StatementCounter> {
  const target = new URL(targetUrl);
  let seen: SentStatement[] = [];
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
    statements: () => seen.filter((statement) => isDataStatement(statement.text)),
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
