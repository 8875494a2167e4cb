import { DomainError } from "../domain/errors.js";
import {
  applyEvent,
  canApply,
  type Handover,
  type HandoverEvent,
  isAssignee,
} from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import type { Translator } from "../i18n/index.js";
import type { Store } from "../ports/store.js";
import { colleagueNotice } from "../views/handover-views.js";
import type { View } from "../views/view.js";
import type { Deps } from "./deps.js";
import { prepareCardRefresh, prepareNoticeAbout } from "./handover-posts.js";
import { allNotices, type PreparedNotices, requirePerson } from "./people.js";
import { channelOf, recordAudit } from "./privacy/audit-log.js";

/** The handover with an id, or HANDOVER.NOT_FOUND. */
export async function requireHandover(deps: Pick<Deps, "store">, id: string): Promise<Handover> {
  const handover = await deps.store.handovers.get(id);
  if (!handover) throw new DomainError("HANDOVER.NOT_FOUND");
  return handover;
}

/** The result of a step: the handover after it and who could not be told. */
export interface StepResult {
  handover: Handover;
  unreachable: Person[];
}

/** Who may take a step besides the assignee: the coordinator may pass on an advisor's handover. */
function mayAct(h: Handover, actor: Person, type: HandoverEvent["type"]): boolean {
  if (isAssignee(h, actor)) return true;
  return type === "redirect" && actor.coordinator === true && h.direction === "EH_TO_TC";
}

/** Refuses, with the reason, a step the actor may not take now; used before forms are drawn too. */
export function assertMayTake(
  deps: Deps,
  h: Handover,
  actor: Person,
  type: HandoverEvent["type"],
): void {
  if (!mayAct(h, actor, type)) {
    const holder = h.assigneeId ? (deps.directory.get(h.assigneeId)?.name ?? h.assigneeId) : "";
    throw new DomainError(holder ? "HANDOVER.NOT_ASSIGNEE" : "HANDOVER.NOT_FOR_YOU", { holder });
  }
  if (!canApply(h.status, type))
    throw new DomainError("HANDOVER.ILLEGAL_TRANSITION", { status: h.status });
}

/**
 * The same person pressing the same button again (double click, platform retry) changes nothing;
 * it answers only once the first press is durable (storing the same state again waits for that).
 */
function isRepeat(h: Handover, actor: Person, event: HandoverEvent): boolean {
  const last = h.history.at(-1);
  return event.type !== "redirect" && last?.type === event.type && last.by === actor.id;
}

/** One lifecycle step: the event, what the referrer is told, and further writes that belong to it. */
export interface Step {
  event: (actor: Person, handover: Handover) => HandoverEvent;
  tellReferrer: (t: Translator, handover: Handover, actor: Person) => View;
  /**
   * Further writes that belong to the step, in the same transaction, before anyone is told; returns
   * the further records it wrote ("meeting:<id>") for the audit entry.
   */
  alsoStore?: (tx: Store, handover: Handover, actor: Person) => Promise<string[] | undefined>;
  /** Further notices of the step (after, before), queued in its transaction with the others. */
  alsoTell?: (handover: Handover, before: Handover, actor: Person) => Promise<PreparedNotices>;
}

/** Compare-and-set rounds before a step gives up on a handover that keeps changing under it. */
const MAX_ROUNDS = 8;

/**
 * Runs one lifecycle step: checks the actor may take it and the state machine allows it, stores
 * it durably by compare-and-set and, in the same transaction, queues what the referrer and, for a
 * house handover, the actor's colleagues are told (so neither goes without the other). A step that lost a race is judged again on the winner's state, so it gets the answer
 * it would have had coming second (a repeat, or a refusal).
 */
export async function takeStep(
  deps: Deps,
  actorId: string,
  handoverId: string,
  step: Step,
): Promise<StepResult> {
  const actor = requirePerson(deps, actorId);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = await requireHandover(deps, handoverId);
    const event = step.event(actor, before);
    if (isRepeat(before, actor, event)) {
      const same = { ...before, version: before.version + 1 };
      if (await deps.store.handovers.update(same, before.version))
        return { handover: same, unreachable: [] };
      continue;
    }
    assertMayTake(deps, before, actor, event.type);
    const next = applyEvent(before, event, deps.clock.now().toISOString());
    const notices = await tell(deps, step, actor, before, next);
    const stored = await deps.store.transaction(async (tx) => {
      if (!(await tx.handovers.update(next, before.version))) return false;
      const also = (await step.alsoStore?.(tx, next, actor)) ?? [];
      await recordAudit(
        { ...deps, store: tx },
        {
          actorId: actor.id,
          channel: channelOf(deps),
          action: event.type === "accept" && !before.assigneeId ? "claim" : event.type,
          targets: [`handover:${next.id}`, ...also],
          count: 1,
        },
      );
      await notices.queue(tx);
      return true;
    });
    if (stored) return { handover: next, unreachable: notices.unreachable };
  }
  throw new Error(`Handover ${handoverId} kept changing; the step was not taken.`);
}

/** What the step tells whom, addressed before the transaction that stores it. */
async function tell(
  deps: Deps,
  step: Step,
  actor: Person,
  before: Handover,
  next: Handover,
): Promise<PreparedNotices> {
  const referrer = deps.directory.get(next.referrerId);
  const notices = [
    await prepareNoticeAbout(deps, next, referrer ? [referrer] : [], "step", (t) =>
      step.tellReferrer(t, next, actor),
    ),
  ];
  if (before.assigneeHouse) {
    const colleagues = deps.directory
      .businessDevelopers(before.assigneeHouse)
      .filter((p) => p.id !== actor.id && p.id !== next.assigneeId);
    notices.push(
      await prepareNoticeAbout(deps, next, colleagues, "colleague", (t) =>
        colleagueNotice(t, deps.directory, next, actor),
      ),
    );
  }
  if (step.alsoTell) notices.push(await step.alsoTell(next, before, actor));
  notices.push(await prepareCardRefresh(deps, next));
  return allNotices(notices);
}
