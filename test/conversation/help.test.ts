import { describe, expect, it } from "vitest";
import { makeFullBot } from "../support/bot.js";

const buttonsOf = (
  view: { actions?: { id: string; label: string; data: Record<string, string> }[] } | undefined,
) => (view?.actions ?? []).map((a) => a.label);

describe("/hjælp", () => {
  it("lists only the commands the person may use, with buttons for their main ones", async () => {
    const bot = makeFullBot();
    const tc = await bot.says("tc-manager", "/hjælp", "local");
    expect(tc).not.toContain("/henvis");
    expect(tc).not.toContain("/fravær");
    expect(tc).toContain("/handlingsplan [hus] [år]: Se et hus' lokale mål");
    expect(tc).toContain("/rapport alle");

    const bd = await bot.says("bd-fyn-1", "/hjælp", "local");
    expect(bd).toContain("/henvis <CVR> <behov>");
    expect(bd).not.toContain("/fravær");
    expect(bd).not.toContain("/besøg");

    const adv = await bot.says("adv-fyn-1", "/hjælp", "local");
    expect(adv).toContain("/fravær, /tilbage");

    const [help] = await bot.conversation.onText("mgr-fyn", "/hjælp", "local");
    expect(buttonsOf(help)).toEqual([
      "Henvis en virksomhed",
      "Mine henvisninger",
      "Handlingsplan",
      "Halvårsstatus",
      "Påmindelser",
    ]);
  });

  it("a help button runs its command, as if the person had typed it", async () => {
    const bot = makeFullBot();
    const [help] = await bot.conversation.onText("bd-fyn-1", "/hjælp", "local");
    const refer = help?.actions?.find((a) => a.label === "Henvis en virksomhed");
    const reply = await bot.conversation.onAction(
      "bd-fyn-1",
      refer?.id ?? "",
      refer?.data ?? {},
      "local",
    );
    expect(reply.ok && reply.replies[0]?.form?.id).toBe("handover");
    const mine = help?.actions?.find((a) => a.label === "Mine henvisninger");
    const list = await bot.conversation.onAction(
      "bd-fyn-1",
      mine?.id ?? "",
      mine?.data ?? {},
      "local",
    );
    expect(list.ok && list.replies[0]?.text.join(" ")).toContain("Du har ingen åbne henvisninger");
  });

  it("welcomes a person on first contact only, in their language", async () => {
    const bot = makeFullBot();
    await bot.says("adv-fyn-1", "/sprog en");
    const [first] = await bot.conversation.welcome("adv-fyn-1");
    expect(first?.title).toBe("Welcome to Eksportbro, Line");
    expect(buttonsOf(first)).toContain("My handovers");
    expect(await bot.conversation.welcome("adv-fyn-1")).toEqual([]);
    expect(await bot.conversation.welcome("nobody")).toEqual([]);
  });
});
