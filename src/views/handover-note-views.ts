import type { Handover } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import { handoverNoteForm } from "../forms/decision-forms.js";
import type { FieldErrors } from "../forms/engine.js";
import { renderForm } from "../forms/engine.js";
import type { Translator } from "../i18n/index.js";
import { formCard } from "./common-views.js";
import { companyLabel, showAction, unreachableText } from "./handover-views.js";
import type { View } from "./view.js";

/** The form for a note to the holder of an open handover. */
export function handoverNoteFormCard(
  t: Translator,
  h: Handover,
  values: Record<string, string> = {},
  errors: FieldErrors = {},
): View {
  const form = renderForm(handoverNoteForm, t, {
    submit: { id: "handover.note.submit", data: { handoverId: h.id }, label: "form.submit" },
    values,
    errors,
  });
  return formCard(t("note.form_title"), form, [
    t("note.form_lead", { company: companyLabel(t, h) }),
  ]);
}

/** What the holder is told: who wrote, about which company, and the note itself. */
export function handoverNoteNotice(t: Translator, h: Handover, author: Person, note: string): View {
  return {
    title: t("note.notice_title", { company: companyLabel(t, h) }),
    tone: "info",
    text: [t("note.notice_text", { name: author.name, company: companyLabel(t, h) }), note],
    actions: [showAction(t, h)],
  };
}

/** The author's receipt: the note went to these people (and who could not be reached). */
export function handoverNoteSentView(
  t: Translator,
  holders: Person[],
  unreachable: Person[],
): View {
  return {
    tone: unreachable.length > 0 ? "warning" : "success",
    text: [
      t("note.sent", { names: holders.map((p) => p.name).join(", ") }),
      ...unreachableText(t, unreachable),
    ],
  };
}
