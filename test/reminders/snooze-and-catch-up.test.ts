import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_CONFIG } from "../../src/domain/reminder-config.js";
import { reminderBot } from "./reminder-bot.js";

const REFER = "/henvis 10150817 Vil eksportere til Tyskland";
const NUDGE = "Henvisning venter på svar";

describe("snooze and done", () => {
  it("sends a snoozed reminder again the next working day or a week later at 09:00, and never after done", async () => {
    // Referred Monday 22 March 2027: the nudge comes two working days later, Wednesday 24 March.
    const bot = reminderBot("2027-03-22T10:00:00Z");
    await bot.says("bd-midtjylland-1", REFER);
    await bot.runUntil("2027-03-24T10:00:00Z");
    const nudge = bot.lastNotice("adv-midtjylland-1");
    expect(nudge?.title).toBe(NUDGE);
    const [day, week] = (nudge?.actions ?? []).filter((a) => a.id === "reminder.snooze");

    // Someone else cannot snooze it.
    const foreign = await bot.act("adv-midtjylland-2", "reminder.snooze", day?.data ?? {});
    expect(foreign.ok && foreign.replies[0]?.text[0]).toContain(
      "Det er den, påmindelsen er sendt til, der udsætter",
    );

    // Snoozed a day on the Wednesday before Easter: back Tuesday after Easter, in summer time.
    const snoozed = await bot.act("adv-midtjylland-1", "reminder.snooze", day?.data ?? {});
    expect(snoozed.ok && snoozed.replies[0]?.text[0]).toBe(
      "Jeg minder dig om det igen 30.03.2027 kl. 09.00.",
    );
    expect(await bot.says("adv-midtjylland-1", "/påmindelser")).toContain("udsat");
    await bot.runUntil("2027-03-30T10:00:00Z");
    const again = bot.lastNotice("adv-midtjylland-1");
    expect(again?.title).toBe(NUDGE);

    await bot.act("adv-midtjylland-1", "reminder.snooze", week?.data ?? {});
    await bot.runUntil("2027-04-07T10:00:00Z");
    expect(bot.received("adv-midtjylland-1").filter((l) => l.endsWith(NUDGE))).toEqual([
      `2027-03-24 09:00 · ${NUDGE}`,
      `2027-03-30 09:00 · ${NUDGE}`,
      `2027-04-06 09:00 · ${NUDGE}`,
    ]);

    await bot.act("adv-midtjylland-1", "reminder.snooze", day?.data ?? {});
    const done = await bot.act("adv-midtjylland-1", "reminder.done", day?.data ?? {});
    expect(done.ok && done.replies[0]?.text[0]).toBe("Påmindelsen er markeret som klaret.");
    await bot.runUntil("2027-04-20T10:00:00Z");
    expect(bot.received("adv-midtjylland-1").filter((l) => l.endsWith(NUDGE))).toHaveLength(3);
    const twice = await bot.act("adv-midtjylland-1", "reminder.done", day?.data ?? {});
    expect(twice.ok && twice.replies[0]?.text[0]).toBe(
      "Påmindelsen er allerede markeret som klaret.",
    );
  });
});

describe("catch-up after downtime", () => {
  it("sends each reminder missed during a 3-day outage exactly once, marked late, and nothing twice", async () => {
    const config = {
      ...DEFAULT_REMINDER_CONFIG,
      houses: { Midtjylland: { conveneWeeksBefore: 16 } },
    };
    const bot = reminderBot("2027-03-01T06:00:00Z", config);
    await bot.tick();
    await bot.runUntil("2027-03-01T09:00:00Z");
    await bot.says("bd-midtjylland-1", REFER);
    await bot.runUntil("2027-03-07T06:00:00Z");
    const before = (p: string) => bot.received(p).length;
    const counts = Object.fromEntries(
      ["adv-hovedstaden-1", "adv-midtjylland-1", "adv-midtjylland-2"].map((p) => [p, before(p)]),
    );

    // Down from Sunday 07:00 to Wednesday 13:00: the escalation and the visit digest (Monday
    // 09:00) and Midtjylland's convene reminder (Wednesday 09:00, 16 weeks before 30 June) are missed.
    bot.clock.current = new Date("2027-03-10T12:00:00Z");
    await Promise.all([bot.tick(), bot.tick()]);
    await bot.tick();
    await bot.runUntil("2027-03-12T12:00:00Z");

    const sinceOutage = (p: string) => bot.received(p).slice(counts[p]);
    expect(sinceOutage("adv-hovedstaden-1")).toEqual([
      "2027-03-10 13:00 · Ubesvaret henvisning",
      "2027-03-10 13:00 · Besøg i erhvervshusene",
    ]);
    for (const advisor of ["adv-midtjylland-1", "adv-midtjylland-2"])
      expect(sinceOutage(advisor)).toEqual([
        "2027-03-10 13:00 · Indkald til halvårligt statusmøde",
      ]);
    const escalation = bot.inbox.views("adv-hovedstaden-1").at(-2);
    expect(escalation?.tone).toBe("warning");
    expect(escalation?.text[0]).toBe(
      "Forsinket: Denne påmindelse skulle have været sendt 08.03.2027 kl. 09.00, men Eksportbro var ikke i drift på det tidspunkt.",
    );
    const convene = bot.inbox.views("adv-midtjylland-2").at(-1);
    expect(convene?.text[0]).toContain("skulle have været sendt 10.03.2027 kl. 09.00");
  });
});
