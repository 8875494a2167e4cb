import type { Handover } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import { handoverCard } from "../views/handover-views.js";
import type { Deps } from "./deps.js";
import { rememberPosts } from "./handover-posts.js";
import { notify } from "./people.js";

/** How long after a handover was sent a start still checks that its card went out. */
export const RESEND_WINDOW_DAYS = 7;

/** The people a sent handover waits on: its assignee, or every business developer of its house. */
export function waitingOn(deps: Pick<Deps, "directory">, h: Handover): Person[] {
  if (h.assigneeId) {
    const assignee = deps.directory.get(h.assigneeId);
    return assignee ? [assignee] : [];
  }
  return h.assigneeHouse ? deps.directory.businessDevelopers(h.assigneeHouse) : [];
}

/** The idempotency key of the card that asks `personId` to answer `h` (one per creation or redirect). */
function cardKey(h: Handover, personId: string): string {
  const sends = h.history.filter((e) => e.type === "redirect").length;
  return `handover:${h.id}:${sends}:${personId}`;
}

/** Sends the handover's card to the people it waits on; returns those who could not be reached. */
export async function sendHandoverCard(
  deps: Pick<Deps, "store" | "delivery" | "directory">,
  h: Handover,
  people: Person[] = waitingOn(deps, h),
): Promise<Person[]> {
  const unreachable = await notify(
    deps,
    people,
    (t, p) => handoverCard(t, deps.directory, h, { viewer: p }),
    (p) => cardKey(h, p.id),
  );
  const posted = people.filter((p) => !unreachable.includes(p));
  const posts = posted.map((p) => ({
    key: cardKey(h, p.id),
    personId: p.id,
    kind: "card" as const,
  }));
  await rememberPosts(deps, h.id, posts);
  return unreachable;
}

/**
 * At a start: sends again, under the same keys, the cards of handovers sent in the last days, so a
 * crash between storing a handover and queueing its card cannot leave it unannounced (a card that
 * was queued is not sent twice: its key is known to the outbox).
 */
export async function resendLostCards(
  deps: Pick<Deps, "store" | "delivery" | "directory" | "clock">,
) {
  const since = deps.clock.now().getTime() - RESEND_WINDOW_DAYS * 86_400_000;
  for (const h of await deps.store.handovers.listOpen()) {
    const sentAt = h.history.findLast((e) => e.type === "redirect")?.at ?? h.createdAt;
    if (h.status === "sent" && Date.parse(sentAt) >= since) await sendHandoverCard(deps, h);
  }
}
