import type { MessageKey } from "../../i18n/index.js";

/** A reminder request the person may not make or that makes no sense now; shown translated, nothing changed. */
export class ReminderRefusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "ReminderRefusal";
  }
}
