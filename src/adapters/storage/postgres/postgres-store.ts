import pg from "pg";
import type { Store } from "../../../ports/store.js";
import { handoverRepo } from "./handover-repo.js";
import { migrate } from "./migrate.js";
import { type InTransaction, postgresOutbox } from "./outbox-queue.js";
import { preparedOn, type Queryable } from "./queryable.js";
import { collectionOf, meetingRepo, preferenceRepo } from "./record-repos.js";

/** Options for the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Connections the pool may hold (default 10). */
  maxConnections?: number;
  /** Told about a failure no caller sees (an idle connection dropped by a database restart). */
  onError?: (error: unknown) => void;
}

/**
 * Opens the store on the database at `url`: migrates its schema first (refusing one newer than
 * this code), then answers every read with a query and lets constraints decide every write. A
 * dropped connection is replaced on the next query, so the store outlives a database restart.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  pool.on("error", (error) => options.onError?.(error));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  const onPool = preparedOn(pool);
  const guarded: Queryable = {
    query: (sql, params) =>
      closed ? Promise.reject(new Error("The store is closed.")) : onPool.query(sql, params),
  };
  const onClient = async <R>(fn: (client: Queryable) => Promise<R>): Promise<R> => {
    if (closed) throw new Error("The store is closed.");
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await fn(preparedOn(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
        broken = rollbackFailed;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  };
  const transaction = async <R>(fn: (tx: Store) => Promise<R>): Promise<R> => {
    const hooks: (() => void)[] = [];
    const result = await onClient((client) => {
      const tx: Store = storeOn(
        client,
        { transaction: (inner) => inner(tx), inTransaction: (inner) => inner(client) },
        (hook) => hooks.push(hook),
        exclusively,
        close,
      );
      return fn(tx);
    });
    for (const hook of hooks) hook();
    return result;
  };
  const exclusively = async <R>(name: string, fn: () => Promise<R>): Promise<R | undefined> => {
    if (closed) throw new Error("The store is closed.");
    const client = await pool.connect();
    let broken: Error | undefined;
    const lost = (error: Error) => {
      broken = error;
      options.onError?.(error);
    };
    client.on("error", lost);
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        "SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok",
        [LEADER_LOCKS, name],
      );
      if (!rows[0]?.ok) return undefined;
      try {
        return await fn();
      } finally {
        await client
          .query("SELECT pg_advisory_unlock($1, hashtext($2))", [LEADER_LOCKS, name])
          .catch((unlockFailed: Error) => {
            broken = unlockFailed;
          });
      }
    } finally {
      client.off("error", lost);
      client.release(broken);
    }
  };
  const close = async () => {
    if (closed) return;
    closed = true;
    await pool.end();
  };
  return storeOn(
    guarded,
    { transaction, inTransaction: onClient },
    (hook) => hook(),
    exclusively,
    close,
  );
}

/** The advisory locks' first key, so the bot's leader locks meet no other user of the database. */
const LEADER_LOCKS = 0x45427472;

/**
 * The tables that hold personal data: a full vacuum rewrites them, so an erased value no longer
 * lies in a dead row version (WAL and backups age out by their own retention; see docs/privacy.md).
 */
const ERASABLE_TABLES = ["handovers", "meeting_records", "records", "preferences"];

/** The port over one way of querying: the pool, or a transaction's client. */
function storeOn(
  db: Queryable,
  {
    transaction,
    inTransaction,
  }: { transaction: Store["transaction"]; inTransaction: InTransaction },
  afterCommit: Store["afterCommit"],
  exclusively: Store["exclusively"],
  close: () => Promise<void>,
): Store {
  return {
    handovers: handoverRepo(db),
    meetings: meetingRepo(db),
    preferences: preferenceRepo(db),
    outbox: postgresOutbox(db, inTransaction),
    collection: (spec) => collectionOf(db, spec),
    transaction,
    afterCommit,
    exclusively,
    forgetReplaced: async () => {
      await db.query(`VACUUM (FULL) ${ERASABLE_TABLES.join(", ")}`);
    },
    close,
  };
}
