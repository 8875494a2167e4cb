import type { DomainError } from "../domain/errors.js";
import type { MessageKey, Translator } from "../i18n/index.js";
import type { FormView, View } from "./view.js";

/** A domain error, translated, with what to do next. */
export function errorView(t: Translator, error: DomainError): View {
  const params = { ...error.params };
  if (typeof params.status === "string")
    params.statusText = t(`status.${params.status}` as MessageKey);
  return { tone: "error", text: [t(`error.${error.code}`, params)] };
}

/** The commands a person can use, with one line each. */
export function helpView(
  t: Translator,
  intro?: string,
  more: { label: string; value: string }[] = [],
): View {
  return {
    title: t("help.title"),
    text: [...(intro ? [intro] : []), t("help.intro")],
    facts: [
      { label: t("help.henvis_usage"), value: t("help.henvis") },
      { label: t("help.henvis_form_usage"), value: t("help.henvis_form") },
      { label: t("help.mine_usage"), value: t("help.mine") },
      { label: t("help.fravaer_usage"), value: t("help.fravaer") },
      ...more,
      { label: t("help.sprog_usage"), value: t("help.sprog") },
      { label: t("help.hjaelp_usage"), value: t("help.hjaelp") },
    ],
  };
}

/** A form on its own card, with a title and an optional lead text. */
export function formCard(title: string, form: FormView, text: string[] = []): View {
  return { title, tone: "info", text, form };
}
