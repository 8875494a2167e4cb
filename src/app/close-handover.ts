import type { Outcome } from "../domain/handover.js";
import { stepNotice } from "../views/handover-views.js";
import type { Deps } from "./deps.js";
import { type StepResult, takeStep } from "./handover-access.js";

/** The assignee closes the handover with its outcome. */
export function closeHandover(
  deps: Deps,
  actorId: string,
  handoverId: string,
  outcome: Outcome,
): Promise<StepResult> {
  return takeStep(deps, actorId, handoverId, {
    event: (actor) => ({ type: "close", by: actor.id, outcome }),
    tellReferrer: (t, h, actor) => stepNotice(t, deps.directory, h, actor),
  });
}
