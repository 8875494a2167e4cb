import type { QueryConfig, QueryResult, QueryResultRow } from "pg";

/** What the repositories need: a pool (each query on its own) or one client in a transaction. */
export interface Queryable {
  query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

/** Something that runs a query as node-postgres takes it (a pool or a client). */
interface Runner {
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

const names = new Map<string, string>();
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/**
 * Queries over `runner` as named prepared statements: each connection parses and plans a
 * statement the first time and only binds it after that, which cuts the database's CPU per
 * query. Statements that cannot be prepared (VACUUM and the like) run as they are.
 */
export function preparedOn(runner: Runner): Queryable {
  return {
    query: (sql, params) => {
      if (!PREPARABLE.test(sql)) return runner.query({ text: sql, values: params });
      let name = names.get(sql);
      if (!name) {
        name = `eb_${names.size + 1}`;
        names.set(sql, name);
      }
      return runner.query({ name, text: sql, values: params });
    },
  };
}
