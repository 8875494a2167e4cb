import { DomainError } from "../domain/errors.js";
import type { Handover, HandoverEvent, Outcome } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import { copenhagenDate } from "../domain/time.js";
import {
  closeForm,
  declineForm,
  houseMeetingForm,
  meetingForm,
  redirectForm,
} from "../forms/decision-forms.js";
import {
  type FieldErrors,
  type FormDef,
  renderForm,
  translateErrors,
  validateForm,
} from "../forms/engine.js";
import { handoverForm } from "../forms/handover-form.js";
import { type MessageKey, type Translator, translator } from "../i18n/index.js";
import { errorView, formCard } from "../views/common-views.js";
import { cancelledRequestView } from "../views/confirm-ceased-view.js";
import { stepResultCard } from "../views/handover-views.js";
import { handoverFormCard } from "../views/request-views.js";
import type { View } from "../views/view.js";
import { acceptHandover } from "./accept-handover.js";
import type { Channel } from "./channel.js";
import { closeHandover } from "./close-handover.js";
import { declineHandover } from "./decline-handover.js";
import type { Deps } from "./deps.js";
import type { Feature } from "./feature.js";
import { assertMayTake, requireHandover, type StepResult } from "./handover-access.js";
import { helpFor } from "./help.js";
import { noteActions } from "./note-actions.js";
import { translatorFor } from "./people.js";
import { recordViews } from "./privacy/audit-log.js";
import { type MeetingInput, meetingDateProblem, recordMeeting } from "./record-meeting.js";
import { redirectHandover, redirectTargets } from "./redirect-handover.js";
import { showHandover } from "./show-handover.js";
import { submitHandover } from "./submit-handover.js";

/** Views to show, or (for a form) the errors per field with the form drawn again. */
export type ActionReply =
  | { ok: true; replies: View[] }
  | { ok: false; errors: Record<string, string>; form: View };

interface Ctx {
  deps: Deps;
  person: Person;
  t: Translator;
  data: Record<string, unknown>;
  handoverId: string;
}

type Handler = (ctx: Ctx) => Promise<ActionReply>;

/** A form that asks for one decision about a handover, and what submitting it does. */
interface DecisionForm<T> {
  /** The lifecycle event the form leads to; the form is only drawn when that event is allowed. */
  event: HandoverEvent["type"];
  def: FormDef<T> | ((h: Handover) => FormDef<T>);
  title: MessageKey;
  options?: (ctx: Ctx) => Promise<Record<string, { value: string; label: string }[]>>;
  run(ctx: Ctx, value: T): Promise<StepResult>;
  /** The submit button's text when it is not "Send" (a record is saved: "Gem"). */
  submit?: MessageKey;
  /** What the form shows filled in when it opens. */
  initial?(ctx: Ctx, h: Handover): Record<string, string>;
  /** The form shows the handover's personal data when it opens, so opening it is an audited view. */
  showsPersonalData?: boolean;
  /** Checks the use case makes too, run on the raw answers so every error shows in one round. */
  check?(ctx: Ctx, values: Record<string, string>): Promise<DomainError | undefined>;
}

/** Keeps a decision's answer type where it is written; the table holds them side by side. */
function decision<T>(spec: DecisionForm<T>): DecisionForm<unknown> {
  return spec;
}

const decisions: Record<string, DecisionForm<unknown>> = {
  "handover.decline": decision({
    event: "decline",
    def: declineForm,
    title: "form.decline.title",
    run: (c, v: { reason: string }) => declineHandover(c.deps, c.person.id, c.handoverId, v.reason),
  }),
  "handover.redirect": decision({
    event: "redirect",
    def: redirectForm,
    title: "form.redirect.title",
    options: async (c) => ({
      to: (await redirectTargets(c.deps, c.handoverId, c.person.id)).map((p) => ({
        value: p.id,
        label: c.t("handover.person_house", { name: p.name, house: p.house }),
      })),
    }),
    run: (c, v: { to: string; note?: string }) =>
      redirectHandover(c.deps, c.person.id, c.handoverId, v.to, v.note),
  }),
  "handover.meeting": decision({
    event: "meeting",
    def: (h) => (h.direction === "EH_TO_TC" ? meetingForm : houseMeetingForm),
    title: "form.meeting.title",
    submit: "form.save",
    showsPersonalData: true,
    initial: (c, h) => ({
      meetingDate: copenhagenDate(c.deps.clock.now()),
      ...(h.contactPerson ? { contactPerson: h.contactPerson } : {}),
    }),
    run: (c, v: MeetingInput & { jointVisit?: "true" | "false" }) =>
      recordMeeting(c.deps, c.person.id, c.handoverId, {
        ...v,
        jointVisit: v.jointVisit === "true",
      }),
    check: async (c, values) =>
      values.meetingDate ? meetingDateProblem(c.deps, c.handoverId, values.meetingDate) : undefined,
  }),
  "handover.close": decision({
    event: "close",
    def: closeForm,
    title: "form.close.title",
    submit: "form.save",
    run: (c, v: { outcome: Outcome }) =>
      closeHandover(c.deps, c.person.id, c.handoverId, v.outcome),
  }),
};

async function formOf(ctx: Ctx, decision: DecisionForm<unknown>): Promise<FormDef<unknown>> {
  return typeof decision.def === "function"
    ? decision.def(await requireHandover(ctx.deps, ctx.handoverId))
    : decision.def;
}

/** Opens a decision's form, after checking the person may take that step now. */
async function openDecision(
  ctx: Ctx,
  id: string,
  decision: DecisionForm<unknown>,
): Promise<ActionReply> {
  const handover = await requireHandover(ctx.deps, ctx.handoverId);
  assertMayTake(ctx.deps, handover, ctx.person, decision.event);
  const values = decision.initial?.(ctx, handover);
  if (decision.showsPersonalData) await recordViews(ctx.deps, ctx.person.id, [handover]);
  return { ok: true, replies: [await drawForm(ctx, id, decision, values)] };
}

function stepReply(ctx: Ctx, result: StepResult): ActionReply {
  return {
    ok: true,
    replies: [
      stepResultCard(ctx.t, ctx.deps.directory, result.handover, ctx.person, result.unreachable),
    ],
  };
}

async function drawForm(
  ctx: Ctx,
  id: string,
  decision: DecisionForm<unknown>,
  values = {},
  errors: FieldErrors = {},
): Promise<View> {
  const form = renderForm(await formOf(ctx, decision), ctx.t, {
    submit: {
      id: `${id}.submit`,
      data: { handoverId: ctx.handoverId },
      ...(decision.submit ? { label: decision.submit } : {}),
    },
    values,
    errors,
    ...(decision.options ? { options: await decision.options(ctx) } : {}),
  });
  return formCard(ctx.t(decision.title), form);
}

async function submitDecision(
  ctx: Ctx,
  id: string,
  decision: DecisionForm<unknown>,
): Promise<ActionReply> {
  const checked = validateForm(await formOf(ctx, decision), ctx.data);
  if (!checked.ok) {
    const problem = await decision.check?.(ctx, checked.values);
    const errors = { ...fieldErrorsOf(problem), ...checked.errors };
    return invalid(ctx, await drawForm(ctx, id, decision, checked.values, errors), errors);
  }
  try {
    return stepReply(ctx, await decision.run(ctx, checked.value));
  } catch (error) {
    if (!(error instanceof DomainError) || !error.field) throw error;
    const errors = fieldErrorsOf(error);
    return invalid(ctx, await drawForm(ctx, id, decision, checked.values, errors), errors);
  }
}

/** A domain error that belongs to a form field, as that field's error. */
function fieldErrorsOf(error: DomainError | undefined): FieldErrors {
  if (!error?.field) return {};
  return { [error.field]: { key: `error.${error.code}`, params: error.params } };
}

function invalid(ctx: Ctx, form: View, errors: FieldErrors): ActionReply {
  return { ok: false, errors: translateErrors(errors, ctx.t), form };
}

async function submitRequest(ctx: Ctx, confirmed = false): Promise<ActionReply> {
  const checked = validateForm(handoverForm, ctx.data);
  if (checked.ok) {
    const request = { ...checked.value, confirmed };
    return { ok: true, replies: await submitHandover(ctx.deps, ctx.person, ctx.t, request) };
  }
  return invalid(ctx, handoverFormCard(ctx.t, checked.values, checked.errors), checked.errors);
}

function handlerFor(actionId: string): Handler | undefined {
  if (actionId === "handover.request.submit") return (c) => submitRequest(c);
  if (actionId === "handover.request.confirm") return (c) => submitRequest(c, true);
  if (actionId === "handover.request.cancel")
    return async (c) => ({ ok: true, replies: [cancelledRequestView(c.t)] });
  const note = noteActions[actionId];
  if (note) return (c) => note(c.deps, c.person, c.t, c.data);
  if (actionId === "handover.show")
    return async (c) => ({
      ok: true,
      replies: [await showHandover(c.deps, c.person, c.t, c.handoverId)],
    });
  if (actionId === "handover.accept")
    return async (c) => stepReply(c, await acceptHandover(c.deps, c.person.id, c.handoverId));
  const decision = decisions[actionId];
  if (decision) return (c) => openDecision(c, actionId, decision);
  const submitted = actionId.endsWith(".submit") ? actionId.slice(0, -".submit".length) : "";
  const target = decisions[submitted];
  return target ? (c) => submitDecision(c, submitted, target) : undefined;
}

/** Runs a button press or form submission; domain refusals come back as translated views. */
export async function handleAction(
  deps: Deps & { channel: Channel },
  personId: string,
  actionId: string,
  data: Record<string, unknown>,
  features: Feature[] = [],
): Promise<ActionReply> {
  const person = deps.directory.get(personId);
  if (!person)
    return { ok: true, replies: [errorView(translator(), new DomainError("PERSON.UNKNOWN"))] };
  const t = await translatorFor(deps, person);
  const handler = handlerFor(actionId);
  const featureHandler = handler
    ? undefined
    : features.map((f) => f.action(actionId)).find(Boolean);
  if (!handler && !featureHandler) {
    return { ok: true, replies: [helpFor(person, t, features, t("help.unknown_action"))] };
  }
  const handoverId = typeof data.handoverId === "string" ? data.handoverId : "";
  try {
    if (featureHandler) return await featureHandler({ person, t, channel: deps.channel }, data);
    return await (handler as Handler)({ deps, person, t, data, handoverId });
  } catch (error) {
    if (error instanceof DomainError) return { ok: true, replies: [errorView(t, error)] };
    throw error;
  }
}
