import type { PeopleDirectory } from "../domain/directory.js";
import { type Handover, isAssignee } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import type { RoutingReason } from "../domain/routing.js";
import { formatDate } from "../domain/time.js";
import { plural, type Translator } from "../i18n/index.js";
import { formatWhen } from "./format-when.js";
import type { ActionView, View } from "./view.js";

/** "Name (CVR 12345678)", or the CVR alone with a not-verified mark. */
export function companyLabel(t: Translator, h: Handover): string {
  return h.company
    ? t("handover.company", { name: h.company.name, cvr: h.cvr })
    : t("handover.company_unverified", { cvr: h.cvr });
}

/** Why the handover went to its assignee, as one sentence. */
export function routingText(t: Translator, reason: RoutingReason, referrerHouse: string): string {
  if (reason.kind === "redirect") return t("routing.redirect", { name: reason.byName });
  if (reason.kind === "house")
    return t(reason.fromMunicipality ? "routing.house_company" : "routing.house_referrer", {
      house: reason.house,
    });
  const parts = [
    t(reason.sameHouse ? "routing.same_house" : "routing.other_house", { house: referrerHouse }),
  ];
  if (reason.sector) parts.push(t("routing.sector", { sector: t(`sector.${reason.sector}`) }));
  parts.push(plural(t, "routing.load", reason.openCount));
  return parts.join("; ");
}

function assigneeText(t: Translator, dir: PeopleDirectory, h: Handover): string {
  if (h.assigneeId) return dir.get(h.assigneeId)?.name ?? h.assigneeId;
  return t("handover.house_staff", { house: h.assigneeHouse ?? "" });
}

/** Warnings a recipient must see: the register says closed or bankrupt, or the lookup failed. */
export function companyWarnings(t: Translator, h: Handover): string[] {
  if (!h.verified) return [t("warning.unverified")];
  if (h.company?.status === "bankrupt") return [t("warning.bankrupt")];
  if (h.company?.status === "closed") return [t("warning.closed")];
  if (h.company?.status === "unknown")
    return [t("warning.unknown_status", { status: h.company.statusText ?? "?" })];
  return [];
}

function facts(t: Translator, dir: PeopleDirectory, h: Handover): View["facts"] {
  const referrer = dir.get(h.referrerId);
  const rows = [
    { label: t("fact.company"), value: companyLabel(t, h) },
    { label: t("fact.status"), value: t(`status.${h.status}`) },
    {
      label: t("fact.referrer"),
      value: referrer
        ? t("handover.person_house", { name: referrer.name, house: referrer.house })
        : h.referrerId,
    },
    { label: t("fact.assignee"), value: assigneeText(t, dir, h) },
    { label: t("fact.need"), value: h.need },
  ];
  if (h.company?.industryText)
    rows.splice(1, 0, {
      label: t("fact.industry"),
      value: `${h.company.industryText} (${h.company.industryCode ?? ""})`,
    });
  if (h.contactPerson) rows.push({ label: t("fact.contact"), value: h.contactPerson });
  // A redirect's note is for the holder it was sent to: only the latest one still stands.
  const lastRedirect = h.history.findLast((e) => e.type === "redirect");
  for (const e of h.history) {
    if (e.type === "decline") rows.push({ label: t("fact.reason"), value: e.reason });
    if (e.type === "redirect" && e.note && e === lastRedirect)
      rows.push({
        label: t("fact.redirect_note", { name: dir.get(e.by)?.name ?? e.by }),
        value: e.note,
      });
    if (e.type === "close")
      rows.push({ label: t("fact.outcome"), value: t(`outcome.${e.outcome}`) });
  }
  rows.push({ label: t("fact.routing"), value: routingText(t, h.routing, referrer?.house ?? "") });
  rows.push({
    label: t("fact.created"),
    value: formatWhen(t, h.createdAt),
  });
  return rows;
}

/** The buttons a person may press on a handover in its current state. */
export function handoverActions(t: Translator, h: Handover, viewer: Person): ActionView[] {
  const data = { handoverId: h.id };
  if (!isAssignee(h, viewer) && !(viewer.coordinator && h.status === "sent")) return [];
  if (h.status === "sent" && !isAssignee(h, viewer))
    return [{ id: "handover.redirect", label: t("action.redirect"), data }];
  if (h.status === "sent")
    return [
      { id: "handover.accept", label: t("action.accept"), data, style: "primary" },
      { id: "handover.decline", label: t("action.decline"), data, style: "danger" },
      { id: "handover.redirect", label: t("action.redirect"), data },
    ];
  if (h.status === "accepted")
    return [
      { id: "handover.meeting", label: t("action.meeting"), data, style: "primary" },
      { id: "handover.redirect", label: t("action.redirect"), data },
      { id: "handover.close", label: t("action.close"), data },
    ];
  if (h.status === "meeting_held")
    return [{ id: "handover.close", label: t("action.close"), data, style: "primary" }];
  return [];
}

/** The card a handover shows to a person: what it is, why it went there, and their buttons. */
export function handoverCard(
  t: Translator,
  dir: PeopleDirectory,
  h: Handover,
  opts: { viewer: Person },
): View {
  const warnings = companyWarnings(t, h);
  return {
    title: cardTitle(t, h),
    tone: warnings.length > 0 ? "warning" : "info",
    text: warnings,
    facts: facts(t, dir, h),
    actions: handoverActions(t, h, opts.viewer),
    refresh: { id: "handover.show", data: { handoverId: h.id } },
  };
}

/** "New handover" while it waits for an answer; after that, where it went and its status now. */
function cardTitle(t: Translator, h: Handover): string {
  const to = h.direction === "EH_TO_TC" ? "tc" : "eh";
  return h.status === "sent"
    ? t(`handover.title_to_${to}`)
    : t(`handover.title_to_${to}_now`, { status: t(`status.${h.status}`) });
}

/** The heading after a step: the new status, or "passed on" after a redirect (status sent again). */
function stepTitle(t: Translator, h: Handover): string {
  return h.history.at(-1)?.type === "redirect"
    ? t("notice.redirected_title")
    : t(`status.${h.status}`);
}

/** Green for a step forward (accepted, meeting held, closed), orange for a decline, plain for a redirect. */
function stepTone(h: Handover): NonNullable<View["tone"]> {
  const last = h.history.at(-1)?.type;
  if (last === "decline") return "warning";
  return last === "redirect" ? "info" : "success";
}

/** The button on a short notice that opens the handover as it stands now. */
export function showAction(t: Translator, h: Handover): ActionView {
  return { id: "handover.show", label: t("action.show"), data: { handoverId: h.id } };
}

/** A follow-up notice: one line with the change and a button back to the handover. */
function shortNotice(t: Translator, h: Handover, text: string, tone: View["tone"]): View {
  return { tone, text: [text], actions: [showAction(t, h)] };
}

/** What the referrer is told after a step (accepted, declined, redirected, meeting held, closed). */
export function stepNotice(t: Translator, dir: PeopleDirectory, h: Handover, actor: Person): View {
  const last = h.history.at(-1);
  const base = { name: actor.name, company: companyLabel(t, h) };
  let text = "";
  if (last?.type === "accept") text = t("notice.accepted", base);
  if (last?.type === "decline") text = t("notice.declined", { ...base, reason: last.reason });
  if (last?.type === "redirect")
    text = t("notice.redirected", { ...base, to: dir.get(last.to)?.name ?? last.to });
  if (last?.type === "meeting")
    text = t("notice.meeting", { ...base, date: formatDate(last.date) });
  if (last?.type === "close")
    text = t("notice.closed", { ...base, outcome: t(`outcome.${last.outcome}`) });
  return shortNotice(t, h, text, stepTone(h));
}

/** What the other business developers of a house are told when one of them claims or declines its handover. */
export function colleagueNotice(
  t: Translator,
  dir: PeopleDirectory,
  h: Handover,
  actor: Person,
): View {
  const last = h.history.at(-1);
  const base = { name: actor.name, company: companyLabel(t, h) };
  const text =
    last?.type === "redirect"
      ? t("notice.colleague_redirect", { ...base, to: dir.get(last.to)?.name ?? last.to })
      : t(last?.type === "decline" ? "notice.colleague_decline" : "notice.colleague_accept", base);
  return shortNotice(t, h, text, "info");
}

/** What the previous holder is told when the coordinator passes their handover on. */
export function redirectedAwayNotice(
  t: Translator,
  dir: PeopleDirectory,
  h: Handover,
  actor: Person,
): View {
  const to = h.assigneeId ? (dir.get(h.assigneeId)?.name ?? h.assigneeId) : "";
  const text = t("notice.redirected_away", { name: actor.name, company: companyLabel(t, h), to });
  return shortNotice(t, h, text, "info");
}

/** The card after the actor's own step: the new state, with only the buttons still allowed. */
export function stepResultCard(
  t: Translator,
  dir: PeopleDirectory,
  h: Handover,
  actor: Person,
  unreachable: Person[],
): View {
  const card = handoverCard(t, dir, h, { viewer: actor });
  card.title = stepTitle(t, h);
  card.text = [...card.text, ...unreachableText(t, unreachable)];
  card.tone = card.text.length > 0 ? "warning" : "success";
  return card;
}

/** Names of people who could not be reached, so the sender knows (never a silent drop). */
export function unreachableText(t: Translator, unreachable: Person[]): string[] {
  return unreachable.length === 0
    ? []
    : [t("notice.unreachable", { names: unreachable.map((p) => p.name).join(", ") })];
}
