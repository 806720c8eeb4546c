import pg from 'pg';
import type { Logger } from '../logger.js';

/**
 * The channel on which the database says that data changed: a trigger on
 * every data table NOTIFYs it (migration 20261129190000_data_change_signal),
 * once per transaction, when the transaction commits. An import run from
 * another process, an edit through any instance and a hand-written SQL
 * statement all signal it.
 */
export const DATA_CHANGED_CHANNEL = 'lab_data_changed';

export type DataChangeReason = 'notification' | 'reconnected';

export interface DataChangeListener {
  /** Resolves once LISTEN is in place: changes committed from then on are heard. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const RECONNECT_DELAY_MS = 1_000;

/**
 * LISTENs on a connection of its own (outside the pool: it is held for the
 * process's life). A lost connection is reopened, and reopening counts as a
 * change, since a notification sent meanwhile was missed.
 *
 * The embedded PGlite is one database session shared by all its connections:
 * a notification comes back on the connection that ran the change, not on
 * the one that listens. So the pool's connections are heard too (on real
 * PostgreSQL they never receive one: they do not LISTEN).
 */
export function listenForDataChanges(
  connectionString: string,
  pool: pg.Pool,
  onChange: (reason: DataChangeReason) => void,
  logger: Logger,
): DataChangeListener {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const onNotification = (message: pg.Notification) => {
    if (message.channel === DATA_CHANGED_CHANNEL) onChange('notification');
  };
  const heard = new WeakSet<pg.PoolClient>();
  const hearPoolClient = (poolClient: pg.PoolClient) => {
    if (heard.has(poolClient)) return;
    heard.add(poolClient);
    poolClient.on('notification', onNotification);
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', onNotification);
    next.on('error', (error) => {
      logger.warn({ err: { message: error.message } }, 'data change listener lost its database connection: reconnecting');
      void next.end().catch(() => undefined);
      schedule();
    });
    await next.connect();
    await next.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
    client = next;
  };
  const schedule = () => {
    client = undefined;
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => {
          logger.info('data change listener reconnected: dropping cached answers');
          onChange('reconnected');
        },
        () => schedule(),
      );
    }, RECONNECT_DELAY_MS);
  };

  return {
    async start() {
      pool.on('acquire', hearPoolClient);
      await connect();
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      pool.off('acquire', hearPoolClient);
      await client?.end().catch(() => undefined);
    },
  };
}
