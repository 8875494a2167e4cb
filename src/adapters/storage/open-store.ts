import type { Logger } from "pino";
import type { Store } from "../../ports/store.js";

/**
 * The PostgreSQL store for DATABASE_URL; `pg` is imported only here, on demand, so a start on
 * the file store (the default) never loads it.
 */
export async function openDatabaseStore(url: string, log: Logger): Promise<Store> {
  const { openPostgresStore } = await import("./postgres/postgres-store.js");
  return openPostgresStore(url, {
    onError: (err) =>
      log.warn({ err }, "a database connection was lost; the next query opens a new one"),
  });
}
