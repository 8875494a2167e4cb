import { describe, expect, it } from "vitest";
import { renderPlainText } from "../../src/renderers/plain-text.js";
import { makeBot } from "../support/bot.js";

describe("a duplicate /henvis offers the next step", () => {
  it("names the holder and lets the referrer send them a note, which the holder is told", async () => {
    const bot = makeBot();
    await bot.says("bd-midtjylland-1", "/henvis 10150817 Vil eksportere til Tyskland");
    const [open] = await bot.deps.store.handovers.listOpen();
    const holder = bot.deps.directory.get(open?.assigneeId ?? "");
    const [duplicate] = await bot.replies("bd-midtjylland-2", "/henvis 10150817 Messe i Hamborg");
    const button = duplicate?.actions?.find((a) => a.id === "handover.note");
    expect(button?.label).toBe(`Skriv en note til ${holder?.name}`);

    const form = await bot.act("bd-midtjylland-2", "handover.note", button?.data ?? {});
    expect(form.ok && form.replies[0]?.form?.submit.id).toBe("handover.note.submit");

    const empty = await bot.act("bd-midtjylland-2", "handover.note.submit", { ...button?.data });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors.note).toBe("Skal udfyldes.");
    const cpr = await bot.act("bd-midtjylland-2", "handover.note.submit", {
      ...button?.data,
      note: "Kontakt 010203-1234",
    });
    expect(cpr.ok).toBe(false);
    const before = bot.notices(holder?.id ?? "").length;

    const sent = await bot.act("bd-midtjylland-2", "handover.note.submit", {
      ...button?.data,
      note: "De skal også på messe i Hamborg i marts.",
    });
    expect(sent.ok && renderPlainText(sent.replies[0] ?? { text: [] })).toBe(
      `Din note er sendt til ${holder?.name}.`,
    );
    const notices = bot.notices(holder?.id ?? "");
    expect(notices).toHaveLength(before + 1);
    expect(notices.at(-1)).toContain(
      `${bot.deps.directory.get("bd-midtjylland-2")?.name} ville henvise Nordlys Maskinfabrik A/S (CVR 10150817), som du allerede har, og skriver:`,
    );
    expect(notices.at(-1)).toContain("De skal også på messe i Hamborg i marts.");
    expect(await bot.deps.store.handovers.count()).toBe(1);
  });
});
