import type { MeetingRecord } from "../../../domain/meeting-record.js";
import type { Preferences } from "../../../domain/org.js";
import type {
  Collection,
  CollectionSpec,
  Keyed,
  MeetingRecordRepo,
  PreferenceRepo,
} from "../../../ports/store.js";
import type { Queryable } from "./queryable.js";

const FOREIGN_KEY_VIOLATION = "23503";

/** Meeting records; the foreign key refuses one whose handover is not stored. */
export function meetingRepo(db: Queryable): MeetingRecordRepo {
  return {
    add: async (record) => {
      try {
        await db.query(
          `INSERT INTO meeting_records (id, handover_id, data) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET handover_id = $2, data = $3`,
          [record.id, record.handoverId, JSON.stringify(record)],
        );
      } catch (error) {
        if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
        throw new Error(
          `Meeting record ${record.id} refused: its handover ${record.handoverId} is not stored.`,
          { cause: error },
        );
      }
    },
    listByHandover: async (handoverId) =>
      (
        await db.query<{ data: MeetingRecord }>(
          "SELECT data FROM meeting_records WHERE handover_id = $1 ORDER BY seq",
          [handoverId],
        )
      ).rows.map((r) => r.data),
  };
}

/** Per-person settings, one JSON object per person; an update merges into it. */
export function preferenceRepo(db: Queryable): PreferenceRepo {
  const get = async (personId: string) =>
    (
      await db.query<{ data: Preferences }>("SELECT data FROM preferences WHERE person_id = $1", [
        personId,
      ])
    ).rows[0]?.data;
  const update = async (personId: string, changes: Partial<Preferences>) => {
    await db.query(
      `INSERT INTO preferences (person_id, data) VALUES ($1, $2)
         ON CONFLICT (person_id) DO UPDATE SET data = preferences.data || EXCLUDED.data`,
      [personId, JSON.stringify(changes)],
    );
  };
  return {
    get,
    getMany: async (personIds) => {
      const { rows } = await db.query<{ person_id: string; data: Preferences }>(
        "SELECT person_id, data FROM preferences WHERE person_id = ANY($1::text[])",
        [personIds],
      );
      return new Map(rows.map((r) => [r.person_id, r.data]));
    },
    locale: async (personId) => (await get(personId))?.locale,
    setLocale: (personId, locale) => update(personId, { locale }),
    update,
  };
}

/** One kind of record in the records table; what is read must pass the kind's schema. */
export function collectionOf<T extends Keyed>(
  db: Queryable,
  spec: CollectionSpec<T>,
): Collection<T> {
  const parse = (data: unknown): T => {
    const parsed = spec.schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const id = (data as Keyed | null)?.id;
    throw new Error(
      `A stored ${spec.name} record (${String(id)}) does not have the expected shape: ${parsed.error.issues[0]?.message}.`,
    );
  };
  return {
    get: async (id) => {
      const { rows } = await db.query<{ data: unknown }>(
        "SELECT data FROM records WHERE collection = $1 AND id = $2",
        [spec.name, id],
      );
      return rows[0] ? parse(rows[0].data) : undefined;
    },
    all: async () =>
      (
        await db.query<{ data: unknown }>(
          "SELECT data FROM records WHERE collection = $1 ORDER BY seq",
          [spec.name],
        )
      ).rows.map((r) => parse(r.data)),
    put: async (record) => {
      await db.query(
        `INSERT INTO records (collection, id, data) VALUES ($1, $2, $3)
           ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data`,
        [spec.name, record.id, JSON.stringify(record)],
      );
    },
    insertIfAbsent: async (record) => {
      const inserted = await db.query(
        `INSERT INTO records (collection, id, data) VALUES ($1, $2, $3)
           ON CONFLICT (collection, id) DO NOTHING`,
        [spec.name, record.id, JSON.stringify(record)],
      );
      return inserted.rowCount === 1;
    },
    delete: async (id) => {
      await db.query("DELETE FROM records WHERE collection = $1 AND id = $2", [spec.name, id]);
    },
    deleteBefore: async (cutoff, limit) => {
      const at = timeOf(spec);
      const { rowCount } = await db.query(
        `DELETE FROM records WHERE collection = $1 AND id = ANY(ARRAY(
           SELECT id FROM records WHERE collection = $1 AND ${at.present} AND ${at.value} < $2
             ORDER BY ${at.value} LIMIT $3))`,
        [spec.name, cutoff, limit],
      );
      return rowCount ?? 0;
    },
  };
}

/** The SQL of a collection's time field, in the form the records_by_at index covers (for `at`). */
function timeOf(spec: CollectionSpec<Keyed>): { present: string; value: string } {
  const field = spec.timeField;
  if (!field || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(field))
    throw new Error(
      `The ${spec.name} records name no time field, so they cannot be deleted by age.`,
    );
  return { present: `data ? '${field}'`, value: `(data->>'${field}') COLLATE "C"` };
}
