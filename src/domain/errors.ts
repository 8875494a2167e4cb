/** A rule of the domain was broken; `code` is stable and maps to an i18n key `error.<code>`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** The form field the error belongs to, when it came from a form answer. */
    readonly field?: string,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** Every domain error code; adapters translate them, never show them raw. */
export type ErrorCode =
  | "CVR.EMPTY"
  | "CVR.NOT_DIGITS"
  | "CVR.LENGTH"
  | "CVR.LEADING_ZERO"
  | "CVR.ALL_ZERO"
  | "CVR.CHECKSUM"
  | "COMPANY.NOT_FOUND"
  | "PERSON.UNKNOWN"
  | "ROLE.NOT_ALLOWED"
  | "HANDOVER.NOT_FOUND"
  | "FIND.USAGE"
  | "HANDOVER.ILLEGAL_TRANSITION"
  | "HANDOVER.NOT_ASSIGNEE"
  | "HANDOVER.NOT_FOR_YOU"
  | "ROUTING.NO_ADVISOR"
  | "ROUTING.NO_HOUSE_STAFF"
  | "REDIRECT.INVALID_TARGET"
  | "MEETING.DATE_IN_FUTURE"
  | "MEETING.DATE_BEFORE_HANDOVER"
  | "PRESENCE.ADVISORS_ONLY"
  | "PRESENCE.NOT_ABSENT"
  | "STORE.LOCK_LOST"
  | "PLAN.BAD_REQUEST"
  | "PLAN.USAGE"
  | "PLAN.NOT_EDITOR"
  | "PLAN.NOT_REPORTER"
  | "PLAN.NOT_READER"
  | "PLAN.NOT_VIEWER"
  | "PLAN.NATIONAL_ONLY"
  | "OVERVIEW.NOT_ALLOWED"
  | "PLAN.NONE"
  | "PLAN.NOT_EMPTY"
  | "PLAN.ITEM_GONE"
  | "PLAN.STATUS_LOCKED"
  | "PLAN.STATUS_INCOMPLETE";
