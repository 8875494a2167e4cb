import { DomainError } from "../domain/errors.js";
import { isAssignee } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import { handoverCard, stepNotice } from "../views/handover-views.js";
import type { Deps } from "./deps.js";
import { requireHandover, type StepResult, takeStep } from "./handover-access.js";
import { notify, requirePerson } from "./people.js";

/** People a handover may be redirected to: present advisors (EH->TC) or business developers (TC->EH). */
export function redirectTargets(deps: Deps, handoverId: string, actorId: string): Person[] {
  const handover = requireHandover(deps, handoverId);
  const pool =
    handover.direction === "EH_TO_TC"
      ? deps.directory.advisors()
      : deps.directory.people.filter((p) => p.role === "businessDeveloper");
  return pool.filter((p) => !p.absent && p.id !== actorId && p.id !== handover.assigneeId);
}

/** The assignee (or the coordinator) sends the handover on to someone else, who gets the card. */
export async function redirectHandover(
  deps: Deps,
  actorId: string,
  handoverId: string,
  toId: string,
): Promise<StepResult> {
  const target = redirectTargets(deps, handoverId, actorId).find((p) => p.id === toId);
  if (!target) throw new DomainError("REDIRECT.INVALID_TARGET");
  const result = await takeStep(deps, actorId, handoverId, {
    event: (actor) => ({
      type: "redirect",
      by: actor.id,
      to: target.id,
      reason: { kind: "redirect", byName: actor.name },
    }),
    tellReferrer: (t, h, actor) => stepNotice(t, deps.directory, h, actor),
    mayAct: (h, actor) => isAssignee(h, actor) || actor.coordinator === true,
  });
  const newAssignee = requirePerson(deps, target.id);
  const unreachable = await notify(deps, [newAssignee], (t, p) =>
    handoverCard(t, deps.directory, result.handover, { viewer: p }),
  );
  return { handover: result.handover, unreachable: [...result.unreachable, ...unreachable] };
}
