import { describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { LocalInbox } from "../../src/adapters/local/local-inbox.js";
import { localTransport } from "../../src/adapters/local/local-transport.js";
import { createConversation } from "../../src/app/conversation.js";
import { resendLostCards } from "../../src/app/handover-notices.js";
import { TestClock } from "../support/bot.js";
import { makeHandover } from "../support/handover-factory.js";
import { depsOverOutbox } from "../support/outbox-deps.js";

const DAY = 86_400_000;

/** The core over the real outbox and the local inbox, as the running bot has it. */
async function botWithOutbox() {
  const clock = new TestClock();
  const inbox = new LocalInbox(() => clock.now());
  const { deps, outbox } = await depsOverOutbox(loadDirectory(), clock, () =>
    localTransport(inbox),
  );
  const cards = async (person: string) => {
    await outbox.idle();
    return inbox.views(person).filter((v) => v.actions?.some((a) => a.id === "handover.accept"));
  };
  return { deps, clock, conversation: createConversation(deps), cards, outbox };
}

describe("a handover's card is not lost to a crash between storing it and queueing the card", () => {
  it("a handover stored without its card gets it at the next start, once", async () => {
    const { deps, clock, cards } = await botWithOutbox();
    const at = new Date(clock.now().getTime() - DAY).toISOString();
    await deps.store.handovers.save(
      makeHandover({
        assigneeId: "adv-fyn-1",
        referrerId: "bd-fyn-1",
        createdAt: at,
        updatedAt: at,
      }),
    );
    await resendLostCards(deps);
    await resendLostCards(deps);
    expect(await cards("adv-fyn-1")).toHaveLength(1);
  });

  it("a card that was queued is not sent again by the start-up check", async () => {
    const { deps, conversation, cards } = await botWithOutbox();
    expect(
      await conversation.onText("bd-fyn-1", "/henvis 98785647 Eksport til Tyskland", "local"),
    ).toHaveLength(1);
    expect(await cards("adv-fyn-1")).toHaveLength(1);
    await resendLostCards(deps);
    expect(await cards("adv-fyn-1")).toHaveLength(1);
  });

  it("reaches every business developer of the house for an unclaimed TC -> EH handover", async () => {
    const { deps, cards } = await botWithOutbox();
    const at = deps.clock.now().toISOString();
    await deps.store.handovers.save(
      makeHandover({
        direction: "TC_TO_EH",
        referrerId: "adv-fyn-1",
        assigneeId: undefined,
        assigneeHouse: "Fyn",
        createdAt: at,
        updatedAt: at,
      }),
    );
    await resendLostCards(deps);
    expect(await cards("bd-fyn-1")).toHaveLength(1);
    expect(await cards("bd-fyn-2")).toHaveLength(1);
  });

  it("leaves handovers sent more than a week ago, and answered ones, alone", async () => {
    const { deps, clock, cards } = await botWithOutbox();
    const old = new Date(clock.now().getTime() - 8 * DAY).toISOString();
    await deps.store.handovers.save(
      makeHandover({ assigneeId: "adv-fyn-1", createdAt: old, updatedAt: old }),
    );
    const now = clock.now().toISOString();
    await deps.store.handovers.save(
      makeHandover({ assigneeId: "adv-fyn-1", status: "accepted", createdAt: now, updatedAt: now }),
    );
    await resendLostCards(deps);
    expect(await cards("adv-fyn-1")).toEqual([]);
  });
});
