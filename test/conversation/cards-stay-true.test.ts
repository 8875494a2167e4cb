import { describe, expect, it } from "vitest";
import { handoverPostsCollection } from "../../src/app/handover-posts.js";
import { renderPlainText } from "../../src/renderers/plain-text.js";
import type { View } from "../../src/views/view.js";
import { reminderBot } from "../reminders/reminder-bot.js";
import { findAction, makeBot } from "../support/bot.js";

const buttons = (view: View | undefined) => (view?.actions ?? []).map((a) => a.id);

/** A follow-up notice: one line and one button back to the handover, no facts. */
function expectShortNotice(view: View | undefined, line: string) {
  expect(view?.text).toEqual([expect.stringContaining(line)]);
  expect(view?.facts).toBeUndefined();
  expect(view?.actions?.map((a) => [a.id, a.label])).toEqual([["handover.show", "Vis henvisning"]]);
}

describe("cards that stay true", () => {
  it("a claim updates every business developer's card where it is, and the others get one line", async () => {
    const bot = makeBot();
    await bot.says("adv-hovedstaden-2", "/henvis 41726393 Har brug for eksportforberedelse");
    const card = bot.lastNotice("bd-sydjylland-1");
    expect(buttons(card)).toEqual(["handover.accept", "handover.decline", "handover.redirect"]);
    const { handoverId } = findAction(card, "handover.accept").data;

    await bot.act("bd-sydjylland-2", "handover.accept", { handoverId });

    const [updated, notice, ...more] = bot.inbox.views("bd-sydjylland-1");
    expect(more).toEqual([]);
    expect(buttons(updated)).toEqual([]);
    expect(renderPlainText(updated as View)).toContain("Status: Accepteret");
    expect(renderPlainText(updated as View)).toContain("Modtager: Anne Toft Petersen");
    expectShortNotice(notice, "Anne Toft Petersen har overtaget henvisningen af Lillebælt");
    const [own] = bot.inbox.views("bd-sydjylland-2");
    expect(buttons(own)).toEqual(["handover.meeting", "handover.redirect", "handover.close"]);

    const [toReferrer] = bot.inbox.views("adv-hovedstaden-2");
    expectShortNotice(toReferrer, "Anne Toft Petersen har accepteret din henvisning");
    const show = findAction(toReferrer, "handover.show");
    const shown = await bot.act("adv-hovedstaden-2", show.id, show.data);
    expect(shown.ok && renderPlainText(shown.replies[0] as View)).toContain("Status: Accepteret");
  });

  it("a redirect takes the buttons off the old holder's card, and closing clears every card and retitles it", async () => {
    const bot = makeBot();
    await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
    const first = bot.lastNotice("adv-midtjylland-1");
    const { handoverId } = findAction(first, "handover.accept").data;
    const redirect = await bot.act("adv-midtjylland-1", "handover.redirect.submit", {
      handoverId,
      to: "adv-midtjylland-2",
    });
    expect(redirect.ok).toBe(true);
    const [oldCard] = bot.inbox.views("adv-midtjylland-1");
    expect(buttons(oldCard)).toEqual([]);
    expect(renderPlainText(oldCard as View)).toContain("Modtager: ");
    const newCard = bot.lastNotice("adv-midtjylland-2");
    expect(buttons(newCard)).toContain("handover.accept");

    await bot.act("adv-midtjylland-2", "handover.accept", { handoverId });
    await bot.act("adv-midtjylland-2", "handover.close.submit", {
      handoverId,
      outcome: "not_relevant",
    });
    const [card] = bot.inbox.views("adv-midtjylland-2");
    expect(buttons(card)).toEqual([]);
    expect(renderPlainText(card as View)).toContain("Status: Afsluttet");
    // No longer "new": the heading says where it went and how it stands.
    expect(card?.title).toBe("Henvisning til Trade Council · Afsluttet");
    const referrer = bot.inbox.views("bd-midtjylland-1");
    expect(referrer).toHaveLength(3);
    for (const notice of referrer) expect(notice.text).toHaveLength(1);
    const posts = bot.deps.store.collection(handoverPostsCollection);
    expect(await posts.get(handoverId as string)).toBeUndefined();
  });

  it("an accept settles the nudge reminder where it stands: its snooze buttons give way to Vis henvisning", async () => {
    const bot = reminderBot("2027-03-22T10:00:00Z");
    await bot.tick();
    await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
    const card = bot.lastNotice("adv-midtjylland-1");
    await bot.runUntil("2027-03-25T10:00:00Z");
    const nudge = () =>
      bot.inbox.views("adv-midtjylland-1").find((v) => v.title === "Henvisning venter på svar");
    expect(buttons(nudge())).toContain("reminder.snooze");

    const { handoverId } = findAction(card, "handover.accept").data;
    await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    expect(nudge()?.text).toEqual([
      "Påmindelsen om Nordlys Maskinfabrik A/S (CVR 10150817) er ikke længere aktuel: henvisningen har nu status »Accepteret«.",
    ]);
    expect(buttons(nudge())).toEqual(["handover.show"]);
  });
});
