import type { Handover } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import { handoverCard } from "../views/handover-views.js";
import type { Deps } from "./deps.js";
import { rememberPosts } from "./handover-posts.js";
import { type PreparedNotices, prepareNotices } from "./people.js";

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

/**
 * The handover's card for the people it waits on, to be queued in the transaction that stores the
 * handover (or its redirect): a crash can then leave neither a handover without its card nor a
 * card without its handover.
 */
export async function prepareHandoverCard(
  deps: Pick<Deps, "store" | "delivery" | "directory">,
  h: Handover,
  people: Person[] = waitingOn(deps, h),
): Promise<PreparedNotices> {
  const cards = await prepareNotices(
    deps,
    people,
    (t, p) => handoverCard(t, deps.directory, h, { viewer: p }),
    (p) => ({ key: cardKey(h, p.id) }),
  );
  const posts = cards.reached.map((p) => ({
    key: cardKey(h, p.id),
    personId: p.id,
    kind: "card" as const,
  }));
  return {
    ...cards,
    queue: async (tx) => {
      await cards.queue(tx);
      await rememberPosts({ store: tx }, h.id, posts);
    },
  };
}
