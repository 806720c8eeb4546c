import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Named prepared statements, a bounded number per connection.
 *
 * A statement sent unnamed is parsed and planned by PostgreSQL on every
 * request; the API's reads are few distinct texts (one per operation shape,
 * its values as parameters) sent over and over, so rawReads.ts names each by
 * a hash of its text and PostgreSQL parses it once per connection. Names are
 * per session on the server: each connection keeps at most `bound` of them,
 * the least recently used one is deallocated when a new one would exceed it
 * (PostGraphile's @dataplan/pg does the same, with 100).
 *
 * pg itself remembers which names it has parsed on a connection
 * (`connection.parsedStatements`, sends Parse only for the others); the
 * cache here follows it, so that both sides agree:
 * - a statement whose Parse failed is not on the server, and leaves the cache;
 * - one that PostgreSQL says does not exist (26000: someone ran DEALLOCATE
 *   ALL or DISCARD ALL on the session) or whose cached plan no longer fits
 *   (0A000 after a migration changed a table) is forgotten on both sides and
 *   run once more, parsed again: both errors come before it runs;
 * - the cache lives on the client: a broken connection is dropped by the
 *   pool with its client, and its replacement starts empty.
 */

/** The name of the statement `text`: the same text, on any connection, has the same name (under PostgreSQL's 63 bytes). */
export function statementName(text: string): string {
  return `s${createHash('sha1').update(text).digest('base64url')}`;
}

/** Errors after which the statement is parsed again and run once more: it did not run. */
function isStalePreparedStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === '26000' || (code === '0A000' && /cached plan must not change result type/u.test((error as Error).message));
}

/** What pg keeps per connection about named statements (not in its typings). */
interface ParsedStatements {
  parsedStatements: Record<string, string>;
}

type Callback = (error: Error | null, result?: pg.QueryResult) => void;

/**
 * A pg Client class whose named statements stay under `bound` per connection,
 * for pg.Pool's `Client` option. With `bound` 0, names are dropped: every
 * statement goes unnamed, parsed each time, as without this class.
 */
export function boundedPreparedStatementsClient(bound: number): typeof pg.Client {
  return class BoundedPreparedStatementsClient extends pg.Client {
    /** Names prepared on this connection, least recently used first (a Map keeps insertion order). */
    private readonly prepared = new Map<string, true>();

    // pg's overloads of query() cannot be restated one by one: `any` keeps them all.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(...args: unknown[]): any {
      const [config, values, callback] = args;
      if (typeof config !== 'object' || config === null || typeof (config as pg.QueryConfig).name !== 'string' || 'submit' in config) {
        return (super.query as (...args: unknown[]) => unknown)(...args);
      }
      const named = config as pg.QueryConfig;
      if (bound === 0) {
        const { name: _unnamed, ...unnamed } = named;
        return (super.query as (...args: unknown[]) => unknown)(unnamed, values, callback);
      }
      const running = this.runNamed(named);
      const done = (typeof values === 'function' ? values : callback) as Callback | undefined;
      if (!done) return running;
      running.then(
        (result) => done(null, result),
        (error: Error) => done(error),
      );
      return undefined;
    }

    private async runNamed(config: pg.QueryConfig): Promise<pg.QueryResult> {
      try {
        return await this.runOnce(config);
      } catch (error) {
        if (!isStalePreparedStatement(error)) throw error;
        await this.deallocate(config.name!);
        return this.runOnce(config);
      }
    }

    private async runOnce(config: pg.QueryConfig): Promise<pg.QueryResult> {
      const name = config.name!;
      const evicted = this.touch(name);
      // Awaited, not queued behind: pg 9 will not queue a statement on a busy client.
      if (evicted !== undefined) await this.deallocate(evicted);
      try {
        return await super.query(config);
      } finally {
        // A statement whose Parse failed is not on the server (pg has already dropped it).
        if (this.parsed[name] === undefined) this.prepared.delete(name);
      }
    }

    private get parsed(): Record<string, string> {
      return (this as unknown as { connection: ParsedStatements }).connection.parsedStatements;
    }

    /** Marks `name` most recently used; a new name past the bound evicts the least recently used one, returned. */
    private touch(name: string): string | undefined {
      const known = this.prepared.delete(name);
      this.prepared.set(name, true);
      if (known || this.prepared.size <= bound) return undefined;
      const [oldest] = this.prepared.keys();
      this.prepared.delete(oldest!);
      return oldest;
    }

    /**
     * DEALLOCATE of `name` on this connection. pg forgets the name when
     * DEALLOCATE is sent, not before (a statement someone queued ahead of it
     * still finds it prepared) nor after it answers (one queued behind it
     * must send Parse again). One that fails (the name was already gone on
     * the server) changes nothing.
     */
    private deallocate(name: string): Promise<void> {
      this.prepared.delete(name);
      const query = new pg.Query(`DEALLOCATE ${this.escapeIdentifier(name)}`);
      const submit = query.submit.bind(query);
      query.submit = (connection) => {
        delete (connection as unknown as ParsedStatements).parsedStatements[name];
        return submit(connection);
      };
      return new Promise((resolve) => {
        (super.query as (query: pg.Query, callback: () => void) => void)(query, () => resolve());
      });
    }
  };
}
