import { describe, expect, it } from "vitest";
import { escapeCardText, renderAdaptiveCard } from "../../src/renderers/adaptive-card.js";
import type { View } from "../../src/views/view.js";
import { makeBot } from "../support/bot.js";

const accept = {
  id: "handover.accept",
  label: "Acceptér",
  data: { handoverId: "hv_1" },
  style: "primary" as const,
};

describe("Adaptive Card renderer", () => {
  it("renders a button as Action.Execute (1.4) with an Action.Submit fallback carrying the verb", () => {
    const card = renderAdaptiveCard({ title: "Ny henvisning", text: [], actions: [accept] });
    expect(card.version).toBe("1.4");
    expect(card.actions).toEqual([
      {
        type: "Action.Execute",
        title: "Acceptér",
        verb: "handover.accept",
        data: { handoverId: "hv_1" },
        style: "positive",
        fallback: {
          type: "Action.Submit",
          title: "Acceptér",
          data: { handoverId: "hv_1", verb: "handover.accept" },
        },
      },
    ]);
  });

  it("pre-fills a number as a number (the schema's type), also written the Danish way", () => {
    const field = (value: string) => ({
      name: "n",
      kind: "number" as const,
      label: "Antal",
      required: true,
      value,
    });
    const inputs = ["7", "1.500", "25 000", "cirka 7"].map(
      (value) =>
        (renderAdaptiveCard({
          text: [],
          form: { id: "f", fields: [field(value)], submit: accept },
        }).body[0] ?? {}) as { value?: unknown },
    );
    expect(inputs.map((i) => i.value)).toEqual([7, 1500, 25000, undefined]);
  });

  it("renders form fields as inputs with their errors under them, and the submit first", () => {
    const view: View = {
      text: [],
      form: {
        id: "decline",
        fields: [
          {
            name: "reason",
            kind: "multiline",
            label: "Begrundelse",
            required: true,
            maxLength: 300,
            error: "Skal udfyldes.",
          },
          {
            name: "ok",
            kind: "toggle",
            label: "Oplyst",
            required: true,
            value: "true",
            placeholder: "Virksomheden er oplyst",
          },
          {
            name: "to",
            kind: "choice",
            label: "Til",
            required: true,
            options: [{ value: "a", label: "A" }],
          },
          { name: "d", kind: "date", label: "Dato", required: true },
        ],
        submit: { id: "handover.decline.submit", label: "Send", data: { handoverId: "hv_1" } },
      },
      actions: [accept],
    };
    const card = renderAdaptiveCard(view);
    expect(card.body).toEqual([
      {
        id: "reason",
        label: "Begrundelse",
        isRequired: true,
        errorMessage: "Skal udfyldes.",
        type: "Input.Text",
        isMultiline: true,
        maxLength: 300,
      },
      {
        type: "TextBlock",
        text: "Skal udfyldes.",
        wrap: true,
        color: "attention",
        size: "Small",
        spacing: "None",
      },
      {
        id: "ok",
        isRequired: true,
        value: "true",
        type: "Input.Toggle",
        wrap: true,
        label: "Oplyst",
        title: "Virksomheden er oplyst",
        valueOn: "true",
        valueOff: "false",
      },
      {
        id: "to",
        label: "Til",
        isRequired: true,
        type: "Input.ChoiceSet",
        style: "compact",
        choices: [{ title: "A", value: "a" }],
      },
      { id: "d", label: "Dato", isRequired: true, type: "Input.Date" },
    ]);
    expect((card.actions as { verb: string }[]).map((a) => a.verb)).toEqual([
      "handover.decline.submit",
      "handover.accept",
    ]);
  });

  it("shows user text literally: no links, emphasis or mentions survive", () => {
    const evil = "[klik her](https://evil.example) **vigtigt** <at>Alle</at> _x_ `kode`";
    const escaped = escapeCardText(evil);
    expect(escaped.replace(/\u2060/g, "")).toBe(evil);
    expect(escaped).not.toMatch(/\]\(|\*\*|<at>|_x_|`kode`/);
    const card = renderAdaptiveCard({ text: [evil], facts: [{ label: "Behov", value: evil }] });
    expect(JSON.stringify(card)).not.toContain("](");
  });

  it("keeps /mine with ten long handovers under Teams' 100 KB message limit", async () => {
    const bot = makeBot();
    const cvrs = [
      "10150817",
      "41726393",
      "90386832",
      "96213298",
      "92743187",
      "98570292",
      "93169972",
      "95673457",
      "98785647",
      "99886226",
      "92810631",
    ];
    for (const cvr of cvrs)
      await bot.says("adv-fyn-1", `/henvis ${cvr} ${"Behov med mange ord ".repeat(25)}`);
    const [mine] = await bot.replies("adv-fyn-1", "/mine");
    expect(mine?.items).toHaveLength(10);
    expect(mine?.text).toContain("1 mere vises ikke her.");
    const bytesUtf16 =
      JSON.stringify({
        type: "message",
        attachments: [{ content: renderAdaptiveCard(mine as View) }],
      }).length * 2;
    expect(bytesUtf16).toBeLessThan(100 * 1024);
  });
});

describe("required inputs", () => {
  it("carry an error message even before the first submit, for clients that check them (Teams)", () => {
    const card = renderAdaptiveCard({
      text: [],
      form: {
        id: "f",
        fields: [
          {
            name: "need",
            kind: "text",
            label: "Behov",
            required: true,
            requiredMessage: "Skal udfyldes.",
          },
        ],
        submit: { id: "x.submit", label: "Send", data: {} },
      },
    });
    expect(card.body[0]).toMatchObject({
      id: "need",
      isRequired: true,
      errorMessage: "Skal udfyldes.",
    });
  });
});
