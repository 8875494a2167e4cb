import type { Cvr } from "../../../domain/cvr.js";
import type { Handover } from "../../../domain/handover.js";
import type { CreateResult, HandoverRepo } from "../../../ports/store.js";
import {
  fromRow,
  HANDOVER_COLUMNS,
  type HandoverRow,
  INSERT_HANDOVER,
  OPEN_SQL,
  SET_HANDOVER,
  toParams,
} from "./handover-rows.js";
import type { Queryable } from "./queryable.js";

const ORDER = `ORDER BY created_at COLLATE "C", id COLLATE "C"`;

/** The first `$4` handovers of one status ended before `cutoff`, need not `$3`, by the handovers_ended index. */
const ENDED = (status: string, cutoff: string) =>
  `(SELECT data, version, ended_at FROM handovers WHERE status = '${status}'
     AND ended_at COLLATE "C" < ${cutoff} AND data->>'need' IS DISTINCT FROM $3
     ORDER BY ended_at COLLATE "C" LIMIT $4)`;

/** Handovers answered by queries on the handovers table; the database decides create and update. */
export function handoverRepo(db: Queryable): HandoverRepo {
  const many = async (sql: string, params: unknown[] = []): Promise<Handover[]> =>
    (await db.query<HandoverRow>(sql, params)).rows.map(fromRow);
  const one = async (sql: string, params: unknown[]): Promise<Handover | undefined> =>
    (await many(sql, params))[0];
  const findOpenByCvr = (cvr: Cvr) =>
    one(`SELECT ${HANDOVER_COLUMNS} FROM handovers WHERE cvr = $1 AND ${OPEN_SQL}`, [cvr]);
  return {
    get: (id) => one(`SELECT ${HANDOVER_COLUMNS} FROM handovers WHERE id = $1`, [id]),
    findOpenByCvr,
    listOpenFor: (personId) =>
      many(
        `SELECT ${HANDOVER_COLUMNS} FROM handovers WHERE ${OPEN_SQL}
           AND (assignee_id = $1 OR referrer_id = $1) ${ORDER}`,
        [personId],
      ),
    listUnclaimedForHouse: (house) =>
      many(
        `SELECT ${HANDOVER_COLUMNS} FROM handovers WHERE status = 'sent' AND assignee_id IS NULL
           AND direction = 'TC_TO_EH' AND assignee_house = $1 ${ORDER}`,
        [house],
      ),
    listOpen: () => many(`SELECT ${HANDOVER_COLUMNS} FROM handovers WHERE ${OPEN_SQL} ${ORDER}`),
    all: () => many(`SELECT ${HANDOVER_COLUMNS} FROM handovers`),
    listEndedBefore: (query, limit) =>
      many(
        `SELECT ${HANDOVER_COLUMNS} FROM (${ENDED("closed", "$1")} UNION ALL ${ENDED("declined", "$2")}) ended
           ORDER BY ended_at COLLATE "C" LIMIT $4`,
        [query.closedBefore, query.declinedBefore, query.exceptNeed, limit],
      ),
    search: (filter, limit) =>
      many(
        `SELECT ${HANDOVER_COLUMNS} FROM handovers
           WHERE ($1::text[] IS NULL OR referrer_id = ANY($1) OR assignee_id = ANY($1)
                  OR assignee_house = ANY($2::text[]))
             AND ($3::text IS NULL OR cvr = $3)
             AND ($4::text IS NULL OR strpos(lower(data->'company'->>'name'), lower($4)) > 0)
           ORDER BY created_at COLLATE "C" DESC LIMIT $5`,
        [
          filter.involving ? [...filter.involving.people] : null,
          filter.involving ? [...filter.involving.houses] : [],
          filter.cvr ?? null,
          filter.name ?? null,
          limit,
        ],
      ),
    count: async () =>
      Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM handovers")).rows[0]?.n),
    openCountByAssignee: async () => {
      const { rows } = await db.query<{ person: string; n: string }>(
        `SELECT assignee_id AS person, count(*) AS n FROM handovers
           WHERE ${OPEN_SQL} AND assignee_id IS NOT NULL AND assignee_id <> '' GROUP BY assignee_id`,
      );
      return new Map(rows.map((r) => [r.person, Number(r.n)]));
    },
    lastAssignedAt: async (personIds) => {
      const { rows } = personIds
        ? await db.query<{ person: string; at: string | null }>(
            `SELECT person, (SELECT assigned_at FROM handovers WHERE assignee_id = person
                 ORDER BY assigned_at DESC LIMIT 1) AS at
               FROM unnest($1::text[]) AS person`,
            [personIds],
          )
        : await db.query<{ person: string; at: string }>(
            `SELECT assignee_id AS person, max(assigned_at COLLATE "C") AS at FROM handovers
               WHERE assignee_id IS NOT NULL GROUP BY assignee_id`,
          );
      return new Map(rows.flatMap((r) => (r.at === null ? [] : [[r.person, r.at] as const])));
    },
    create: async (h): Promise<CreateResult> => {
      const inserted = await db.query(`${INSERT_HANDOVER} ON CONFLICT DO NOTHING`, toParams(h));
      if (inserted.rowCount === 1) return { created: true };
      const existing = await findOpenByCvr(h.cvr);
      if (existing) return { created: false, existing };
      throw new Error(`A handover with id ${h.id} is already stored; ids must be new.`);
    },
    update: async (h, expectedVersion) => {
      if (h.version !== expectedVersion + 1)
        throw new Error(
          `Handover ${h.id} must carry version ${expectedVersion + 1}, not ${h.version}.`,
        );
      const updated = await db.query(
        `UPDATE handovers SET ${SET_HANDOVER} WHERE id = $1 AND version = $12`,
        [...toParams(h), expectedVersion],
      );
      return updated.rowCount === 1;
    },
    save: async (h) => {
      await db.query(
        `${INSERT_HANDOVER} ON CONFLICT (id) DO UPDATE SET ${SET_HANDOVER}`,
        toParams(h),
      );
    },
  };
}
