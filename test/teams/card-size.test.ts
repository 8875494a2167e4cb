import { describe, expect, it } from "vitest";
import {
  CARD_CONTENT_TYPE,
  cardMessage,
  TEAMS_MESSAGE_LIMIT_BYTES,
  teamsSizeBytes,
} from "../../src/adapters/teams/card-message.js";
import { NEED_MAX } from "../../src/forms/handover-form.js";
import { MINE_MAX } from "../../src/views/request-views.js";
import type { View } from "../../src/views/view.js";
import { findAction, makeBot } from "../support/bot.js";
import { makeHandover } from "../support/handover-factory.js";

/** The worst text a user can type: every character one the renderer must escape. */
const nasty = (n: number) => "*[<_".repeat(Math.ceil(n / 4)).slice(0, n);

describe("Teams messages stay within Teams' 100 KB limit", () => {
  it("/mine with the most items shown, each with the longest need, fits as a card", async () => {
    const bot = makeBot();
    for (let i = 0; i < 30; i++)
      await bot.deps.store.handovers.save(
        makeHandover({
          assigneeId: "adv-fyn-1",
          need: nasty(NEED_MAX),
          contactPerson: nasty(200),
          company: { name: nasty(200), municipalityCode: "461", status: "active" },
        }),
      );
    const [mine] = await bot.replies("adv-fyn-1", "/mine");
    expect(mine?.items).toHaveLength(MINE_MAX);
    const message = cardMessage(mine as View);
    expect(message.attachments?.[0]?.contentType).toBe(CARD_CONTENT_TYPE);
    expect(teamsSizeBytes(message)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
  });

  it("the advisor's new-handover card and the redirect form fit, with the longest need", async () => {
    const bot = makeBot();
    await bot.says("bd-fyn-1", `/henvis 98785647 ${nasty(NEED_MAX)}`);
    const card = bot.lastNotice("adv-fyn-1") as View;
    expect(teamsSizeBytes(cardMessage(card))).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    const redirect = findAction(card, "handover.redirect");
    const reply = await bot.act("adv-fyn-1", redirect.id, redirect.data);
    const form = reply.ok ? reply.replies[0] : reply.form;
    expect(form?.form).toBeDefined();
    expect(teamsSizeBytes(cardMessage(form as View))).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
  });

  it("a view too big for a card goes as shortened plain text instead of being refused", () => {
    const huge: View = { title: "Stor", text: Array.from({ length: 40 }, () => "ø".repeat(2_000)) };
    const message = cardMessage(huge);
    expect(message.attachments).toBeUndefined();
    expect(message.text?.startsWith("Stor\n")).toBe(true);
    expect(teamsSizeBytes(message)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
  });
});
