import type { PeopleDirectory } from "../domain/directory.js";
import type { MessageKey, Translator } from "../i18n/index.js";
import { formatWhen } from "./format-when.js";
import type { View } from "./view.js";

/** The confirm step of `/slet`: whom and what it erases, the button that does it, and a way out. */
export function erasureConfirmView(
  t: Translator,
  erasure: { about: string; handovers: number; meetings: number },
  data: Record<string, string>,
): View {
  return {
    title: t("privacy.erase.title"),
    tone: "warning",
    text: [t("privacy.erase.what")],
    facts: [
      { label: t("privacy.erase.about"), value: erasure.about },
      { label: t("privacy.erase.handovers"), value: String(erasure.handovers) },
      { label: t("privacy.erase.meetings"), value: String(erasure.meetings) },
    ],
    actions: [
      { id: "privacy.erase.confirm", label: t("privacy.erase.confirm"), data, style: "danger" },
      { id: "privacy.erase.cancel", label: t("privacy.erase.cancel"), data: {} },
    ],
  };
}

/** The names after `prefix` of the keys that start with it: the codes a text exists for. */
type Coded<Prefix extends string> = MessageKey extends infer K
  ? K extends `${Prefix}${infer Code}`
    ? Code
    : never
  : never;

/** One audit entry as the coordinator reads it; every action and channel has a text. */
export interface AuditLine {
  at: string;
  actorId: string;
  /** "system" for the tick, shown without a channel; absent on entries from before channels. */
  channel?: Coded<"privacy.channel."> | "system";
  action: Coded<"privacy.action.">;
  targets: string[];
  count: number;
}

/** `/revision`: the audit entries by or about a record or person, oldest first. */
export function auditView(
  t: Translator,
  directory: PeopleDirectory,
  target: string,
  lines: AuditLine[],
): View {
  if (lines.length === 0) return { text: [t("privacy.audit.none", { target })] };
  return {
    title: t("privacy.audit.title", { target }),
    text: lines.map((l) => {
      const params = {
        at: formatWhen(t, l.at),
        actor:
          l.actorId === "system"
            ? t("privacy.system")
            : (directory.get(l.actorId)?.name ?? l.actorId),
        action: t(`privacy.action.${l.action}`),
        count: l.count,
        targets: l.targets.join(", "),
      };
      return l.channel && l.channel !== "system"
        ? t("privacy.audit.line_via", { ...params, channel: t(`privacy.channel.${l.channel}`) })
        : t("privacy.audit.line", params);
    }),
  };
}
