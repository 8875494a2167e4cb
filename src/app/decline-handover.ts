import { stepNotice } from "../views/handover-views.js";
import type { Deps } from "./deps.js";
import { type StepResult, takeStep } from "./handover-access.js";

/** The assignee declines, with a reason the referrer is told. */
export function declineHandover(
  deps: Deps,
  actorId: string,
  handoverId: string,
  reason: string,
): Promise<StepResult> {
  return takeStep(deps, actorId, handoverId, {
    event: (actor) => ({ type: "decline", by: actor.id, reason }),
    tellReferrer: (t, h, actor) => stepNotice(t, deps.directory, h, actor),
  });
}
