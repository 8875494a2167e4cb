import type { PeopleDirectory } from "../domain/directory.js";
import type { Handover } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import { type FieldErrors, renderForm } from "../forms/engine.js";
import { handoverForm } from "../forms/handover-form.js";
import { plural, type Translator } from "../i18n/index.js";
import { formCard } from "./common-views.js";
import { companyLabel, companyWarnings, handoverCard, unreachableText } from "./handover-views.js";
import type { View } from "./view.js";

/** The referrer's receipt: where the handover went, why, and any warning. */
export function handoverSentView(
  t: Translator,
  dir: PeopleDirectory,
  h: Handover,
  referrer: Person,
  unreachable: Person[],
): View {
  const card = handoverCard(t, dir, h, { viewer: referrer });
  const sentTo = h.assigneeId
    ? t("request.sent_to_person", { name: dir.get(h.assigneeId)?.name ?? h.assigneeId })
    : t("request.sent_to_house", { house: h.assigneeHouse ?? "" });
  const warnings = companyWarnings(t, h);
  return {
    ...card,
    title: t("request.sent_title"),
    tone: warnings.length > 0 || unreachable.length > 0 ? "warning" : "success",
    text: [sentTo, ...warnings, ...unreachableText(t, unreachable)],
  };
}

/** An open handover for the same CVR exists: say where it is instead of creating a second. */
export function duplicateView(t: Translator, dir: PeopleDirectory, existing: Handover): View {
  const holder = existing.assigneeId
    ? (dir.get(existing.assigneeId)?.name ?? existing.assigneeId)
    : t("handover.house_staff", { house: existing.assigneeHouse ?? "" });
  return {
    title: t("request.duplicate_title"),
    tone: "warning",
    text: [
      t("request.duplicate", {
        company: companyLabel(t, existing),
        holder,
        status: t(`status.${existing.status}`),
      }),
    ],
    actions: [
      {
        id: "handover.note",
        label: t("note.button", { holder }),
        data: { handoverId: existing.id },
        style: "primary",
      },
    ],
  };
}

/** Handovers listed with the buttons the viewer may press; `count` words the total. */
function handoverList(
  t: Translator,
  dir: PeopleDirectory,
  list: Handover[],
  viewer: Person,
  texts: { title: string; empty: string; count: string },
): View {
  if (list.length === 0) return { title: texts.title, tone: "info", text: [texts.empty] };
  const shown = list.slice(0, MINE_MAX);
  const more = list.length - shown.length;
  return {
    title: texts.title,
    tone: "info",
    text: [texts.count, ...(more > 0 ? [plural(t, "mine.more", more)] : [])],
    items: shown.map((h) => {
      const card = handoverCard(t, dir, h, { viewer });
      return {
        title: companyLabel(t, h),
        facts: [
          ...card.text.map((warning) => ({ label: t("fact.warning"), value: warning })),
          ...(card.facts ?? []).slice(1),
        ],
        actions: card.actions ?? [],
      };
    }),
  };
}

/** `/mine` (open handovers) or `/mine alle` (closed ones too), each with the buttons the person may press. */
export function myHandoversView(
  t: Translator,
  dir: PeopleDirectory,
  list: Handover[],
  viewer: Person,
  all = false,
): View {
  return handoverList(t, dir, list, viewer, {
    title: t(all ? "mine.title_all" : "mine.title"),
    empty: t(all ? "mine.empty_all" : "mine.empty"),
    count: plural(t, all ? "mine.count_all" : "mine.count", list.length),
  });
}

/** `/find`: the handovers the person may see that match what they searched for. */
export function foundHandoversView(
  t: Translator,
  dir: PeopleDirectory,
  list: Handover[],
  viewer: Person,
  query: string,
): View {
  return handoverList(t, dir, list, viewer, {
    title: t("find.title", { query }),
    empty: t("find.empty", { query }),
    count: plural(t, "find.count", list.length),
  });
}

/** At most this many handovers in one `/mine` answer, to stay inside Slack's 50 blocks. */
export const MINE_MAX = 10;

/** The `/henvis` form on its card, with answers and errors filled in when it is drawn again. */
export function handoverFormCard(
  t: Translator,
  values: Record<string, string>,
  errors: FieldErrors = {},
): View {
  const form = renderForm(handoverForm, t, {
    submit: { id: "handover.request.submit", data: {} },
    values,
    errors,
  });
  return formCard(t("request.form_title"), form, [t("request.form_intro")]);
}
