import type { QueryResult, QueryResultRow } from "pg";

/** What the repositories need: a pool (each query on its own) or one client in a transaction. */
export interface Queryable {
  query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}
