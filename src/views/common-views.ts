import type { DomainError } from "../domain/errors.js";
import type { MessageKey, Translator } from "../i18n/index.js";
import type { FormView, View } from "./view.js";

/** A domain error, translated, with what to do next. */
export function errorView(t: Translator, error: DomainError): View {
  const params = { ...error.params };
  if (typeof params.status === "string")
    params.statusText = t(`status.${params.status}` as MessageKey);
  if (error.code === "HANDOVER.ILLEGAL_TRANSITION" && typeof params.status === "string")
    return { tone: "error", text: [t(`handover.already.${params.status}` as MessageKey)] };
  return { tone: "error", text: [t(`error.${error.code}`, params)] };
}

/** One line of help: usage, what it does, and the button that runs it (if any). */
export interface HelpEntry {
  label: string;
  value: string;
  shortcut?: { label: string; command: string };
}

/** Most shortcut buttons on a help card (hosts show five actions in a row). */
export const HELP_BUTTONS_MAX = 5;

/** The commands a person may use, one line each, with buttons for the main ones. */
export function helpView(t: Translator, lines: HelpEntry[], intro?: string, title?: string): View {
  return {
    title: title ?? t("help.title"),
    tone: "info",
    text: [...(intro ? [intro] : []), t("help.intro")],
    facts: lines.map(({ label, value }) => ({ label, value })),
    actions: lines
      .flatMap((line) => (line.shortcut ? [line.shortcut] : []))
      .slice(0, HELP_BUTTONS_MAX)
      .map(({ label, command }) => ({ id: "help.run", label, data: { command } })),
  };
}

/** A form on its own card, with a title and an optional lead text. */
export function formCard(title: string, form: FormView, text: string[] = []): View {
  return { title, tone: "info", text, form };
}
