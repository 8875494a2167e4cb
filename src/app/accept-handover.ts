import { stepNotice } from "../views/handover-views.js";
import type { Deps } from "./deps.js";
import { type StepResult, takeStep } from "./handover-access.js";

/** The advisor (or, TC->EH, a business developer of the house) takes the handover on. */
export function acceptHandover(
  deps: Deps,
  actorId: string,
  handoverId: string,
): Promise<StepResult> {
  return takeStep(deps, actorId, handoverId, {
    event: (actor) => ({ type: "accept", by: actor.id }),
    tellReferrer: (t, h, actor) => stepNotice(t, deps.directory, h, actor),
  });
}
