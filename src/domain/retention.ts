/** What erased text is replaced by in handovers, meeting records and queued messages. */
export const ERASED = "[slettet]";

/** How long personal data is kept; the numbers come from config (RETENTION_* variables). */
export interface RetentionPolicy {
  /** Months after closing that a handover and its meeting records are anonymised. */
  closedMonths: number;
  /** Months after a decline that a declined handover is anonymised. */
  declinedMonths: number;
  /** Months an audit entry is kept. */
  auditMonths: number;
  /** Days a report file is kept. */
  reportFileDays: number;
}

/** The houses' privacy notice: 5 years after closing, 12 months after a decline, audit 5 years. */
export const DEFAULT_RETENTION: RetentionPolicy = {
  closedMonths: 60,
  declinedMonths: 12,
  auditMonths: 60,
  reportFileDays: 30,
};

/** The moment `months` calendar months before `now` (UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}
