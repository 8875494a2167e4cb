import type { Handover } from "../../../domain/handover.js";

/** A row of the handovers table as node-postgres returns it. */
export interface HandoverRow {
  data: Omit<Handover, "version">;
  version: number;
}

/** The columns selected to rebuild a handover. */
export const HANDOVER_COLUMNS = "data, version";

/** The statuses in which a handover is open, as SQL. */
export const OPEN_SQL = "status IN ('sent', 'accepted', 'meeting_held')";

export function fromRow(row: HandoverRow): Handover {
  return { ...row.data, version: row.version };
}

/** When a handover was given to its assignee: created for them, or redirected to them. */
function assignedAt(h: Omit<Handover, "version">): string {
  return h.history.findLast((e) => e.type === "redirect")?.at ?? h.createdAt;
}

/** The column values $1..$11 of the handovers table for `h` (stored data without a version: 0). */
export function toParams(h: Omit<Handover, "version"> & { version?: number }): unknown[] {
  const { version, ...data } = h;
  return [
    h.id,
    h.cvr,
    h.status,
    h.direction,
    h.referrerId,
    h.assigneeId ?? null,
    h.assigneeHouse ?? null,
    h.createdAt,
    assignedAt(h),
    JSON.stringify(data),
    version ?? 0,
  ];
}

/**
 * INSERT column list and placeholders matching toParams. The database keeps `ended_at` itself
 * (a trigger of migration 4), so a replica of an older version that writes a handover keeps it
 * right too.
 */
export const INSERT_HANDOVER = `INSERT INTO handovers
  (id, cvr, status, direction, referrer_id, assignee_id, assignee_house, created_at, assigned_at, data, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;

/** Assignments from toParams' $2..$11 onto an existing row. */
export const SET_HANDOVER = `cvr = $2, status = $3, direction = $4, referrer_id = $5, assignee_id = $6,
  assignee_house = $7, created_at = $8, assigned_at = $9, data = $10, version = $11`;
