import { DomainError } from "../domain/errors.js";
import { applyEvent, type Handover, type HandoverEvent, isAssignee } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import type { Translator } from "../i18n/index.js";
import type { View } from "../views/view.js";
import type { Deps } from "./deps.js";
import { notify, requirePerson } from "./people.js";

/** The handover with an id, or HANDOVER.NOT_FOUND. */
export function requireHandover(deps: Pick<Deps, "store">, id: string): Handover {
  const handover = deps.store.handovers.get(id);
  if (!handover) throw new DomainError("HANDOVER.NOT_FOUND");
  return handover;
}

/** The result of a step: the handover after it and who could not be told. */
export interface StepResult {
  handover: Handover;
  unreachable: Person[];
}

/** One lifecycle step: the event, what the referrer is told, and who may take it. */
export interface Step {
  event: (actor: Person, handover: Handover) => HandoverEvent;
  tellReferrer: (t: Translator, handover: Handover, actor: Person) => View;
  mayAct?: (handover: Handover, actor: Person) => boolean;
  /** Further durable writes that belong to the step, done before anyone is told. */
  alsoStore?: (handover: Handover, actor: Person) => Promise<void>;
}

/**
 * Runs one lifecycle step: applies it (illegal transitions are refused by the state machine),
 * checks the actor may take it, stores it durably, then tells the referrer.
 */
export async function takeStep(
  deps: Deps,
  actorId: string,
  handoverId: string,
  step: Step,
): Promise<StepResult> {
  const actor = requirePerson(deps, actorId);
  const before = requireHandover(deps, handoverId);
  const next = applyEvent(before, step.event(actor, before), deps.clock.now().toISOString());
  if (!(step.mayAct ?? isAssignee)(before, actor)) throw new DomainError("HANDOVER.NOT_ASSIGNEE");
  await Promise.all([deps.store.handovers.save(next), step.alsoStore?.(next, actor)]);
  const referrer = deps.directory.get(next.referrerId);
  const unreachable = referrer
    ? await notify(deps, [referrer], (t) => step.tellReferrer(t, next, actor))
    : [];
  return { handover: next, unreachable };
}
