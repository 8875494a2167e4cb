import { describe, expect, it } from "vitest";
import { findAction, makeBot } from "../support/bot.js";

describe("two business developers claim one handover at the same instant", () => {
  it("exactly one gets it; the other is told who holds it, as if they had come second", async () => {
    const bot = makeBot();
    await bot.says("adv-hovedstaden-2", "/henvis 41726393 Har brug for eksportforberedelse");
    const { handoverId } = findAction(bot.lastNotice("bd-sydjylland-1"), "handover.accept").data;

    const [one, two] = await Promise.all([
      bot.act("bd-sydjylland-1", "handover.accept", { handoverId }),
      bot.act("bd-sydjylland-2", "handover.accept", { handoverId }),
    ]);
    const titles = [one, two].map((r) => (r.ok ? r.replies[0]?.title : undefined));
    expect(titles.filter((t) => t === "Accepteret")).toHaveLength(1);
    const stored = await bot.deps.store.handovers.get(handoverId as string);
    const winner = titles[0] === "Accepteret" ? "bd-sydjylland-1" : "bd-sydjylland-2";
    expect(stored?.assigneeId).toBe(winner);
    expect(stored?.history.filter((e) => e.type === "accept")).toHaveLength(1);
    const loser = titles[0] === "Accepteret" ? two : one;
    const holder = bot.deps.directory.get(winner)?.name ?? "";
    expect(loser.ok && loser.replies[0]?.text[0]).toContain(
      `Det er ${holder}, der har henvisningen`,
    );
  });
});
