import { describe, expect, it } from "vitest";
import { renderAdaptiveCard } from "../../src/renderers/adaptive-card.js";
import { reminderBot } from "./reminder-bot.js";

type Action = { type: string; verb: string; title: string; data: Record<string, string> };

describe("reminder cards", () => {
  it("carry the status-form button for the action plan and snooze/done buttons that work from Teams mobile too", async () => {
    const bot = reminderBot("2026-11-25T10:00:00Z");
    await bot.says("adv-fyn-1", "/statusmøde 2026-12-17");
    await bot.runUntil("2026-12-03T09:00:00Z");
    const card = renderAdaptiveCard(bot.lastNotice("mgr-fyn") ?? { text: [] });
    const actions = card.actions as Action[];
    expect(actions.map((a) => `${a.verb}: ${a.title}`)).toEqual([
      "plan.status.open: Udfyld status",
      "reminder.snooze: Udsæt 1 dag",
      "reminder.snooze: Udsæt 1 uge",
      "reminder.done: Klaret",
    ]);
    expect(actions[0]?.data).toEqual({ house: "Fyn", period: "2026H2" });
    const done = actions[3];
    const fallback = (done as unknown as { fallback: { data: Record<string, string> } }).fallback;
    expect(fallback.data).toEqual({ ...done?.data, verb: "reminder.done" });
    const pressed = await bot.act("mgr-fyn", "reminder.done", done?.data ?? {});
    expect(pressed.ok && pressed.replies[0]?.text[0]).toBe("Påmindelsen er markeret som klaret.");
    expect(await bot.says("mgr-fyn", "/påmindelser")).toBe("Du har ingen kommende påmindelser.");
  });
});
