import { DomainError } from "../domain/errors.js";
import type { Person } from "../domain/org.js";
import { redirectedAwayNotice, stepNotice } from "../views/handover-views.js";
import type { Deps } from "./deps.js";
import { assertMayTake, requireHandover, type StepResult, takeStep } from "./handover-access.js";
import { prepareHandoverCard } from "./handover-notices.js";
import { prepareNoticeAbout } from "./handover-posts.js";
import { allNotices, requirePerson } from "./people.js";
import { isAbsent } from "./presence.js";

/** People a handover may be redirected to: present advisors (EH->TC) or business developers (TC->EH). */
export async function redirectTargets(
  deps: Deps,
  handoverId: string,
  actorId: string,
): Promise<Person[]> {
  const handover = await requireHandover(deps, handoverId);
  const pool =
    handover.direction === "EH_TO_TC"
      ? deps.directory.advisors()
      : deps.directory.people.filter((p) => p.role === "businessDeveloper");
  const absent = await Promise.all(pool.map((p) => isAbsent(deps, p)));
  return pool.filter((p, i) => !absent[i] && p.id !== actorId && p.id !== handover.assigneeId);
}

/**
 * The assignee (or the coordinator) sends the handover on to someone else, who gets the card;
 * a holder who did not do it themselves is told it is no longer theirs.
 */
export async function redirectHandover(
  deps: Deps,
  actorId: string,
  handoverId: string,
  toId: string,
  note?: string,
): Promise<StepResult> {
  const actor = requirePerson(deps, actorId);
  const before = await requireHandover(deps, handoverId);
  assertMayTake(deps, before, actor, "redirect");
  const target = (await redirectTargets(deps, handoverId, actorId)).find((p) => p.id === toId);
  if (!target) throw new DomainError("REDIRECT.INVALID_TARGET", {}, "to");
  return takeStep(deps, actorId, handoverId, {
    event: () => ({
      type: "redirect",
      by: actor.id,
      to: target.id,
      reason: { kind: "redirect", byName: actor.name },
      ...(note ? { note } : {}),
    }),
    tellReferrer: (t, h) => stepNotice(t, deps.directory, h, actor),
    alsoTell: async (h, was) => {
      const previous =
        was.assigneeId && was.assigneeId !== actor.id
          ? deps.directory.get(was.assigneeId)
          : undefined;
      return allNotices([
        await prepareHandoverCard(deps, h, [target]),
        await prepareNoticeAbout(deps, h, previous ? [previous] : [], "away", (t) =>
          redirectedAwayNotice(t, deps.directory, h, actor),
        ),
      ]);
    },
  });
}
