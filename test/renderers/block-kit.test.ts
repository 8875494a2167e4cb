import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modalAnswers, modalMetadata } from "../../src/adapters/slack/modal-answers.js";
import type { ActionPlan } from "../../src/domain/plans/plan.js";
import { translator } from "../../src/i18n/index.js";
import {
  type Block,
  clip,
  escapeMrkdwn,
  LIMITS,
  renderHome,
  renderMessage,
  renderModal,
} from "../../src/renderers/block-kit.js";
import { planView } from "../../src/views/plans/plan-views.js";
import type { ActionView, View } from "../../src/views/view.js";

const accept: ActionView = {
  id: "handover.accept",
  label: "Acceptér",
  data: { handoverId: "hv_1" },
  style: "primary",
};
const long = (n: number, c = "x") => c.repeat(n);

/** Every text object in a surface, with the key it sits under. */
function texts(node: unknown, key = ""): { key: string; text: string; type: string }[] {
  if (Array.isArray(node)) return node.flatMap((n) => texts(n, key));
  if (!node || typeof node !== "object") return [];
  const o = node as Record<string, unknown>;
  const here =
    (o.type === "plain_text" || o.type === "mrkdwn") && typeof o.text === "string"
      ? [{ key, text: o.text, type: o.type }]
      : [];
  return [...here, ...Object.entries(o).flatMap(([k, v]) => texts(v, k))];
}

function expectWithinLimits(blocks: Block[], maxBlocks: number): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const t of texts(blocks)) {
    expect(t.text.length).toBeGreaterThan(0);
    expect(t.text.length).toBeLessThanOrEqual(LIMITS.text);
  }
  for (const b of blocks) {
    if (b.type === "header")
      expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(150);
    if (b.type === "section" && b.fields) {
      const fields = b.fields as { text: string }[];
      expect(fields.length).toBeLessThanOrEqual(10);
      for (const f of fields) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    if (b.type === "actions") {
      const buttons = b.elements as { text: { text: string }; value: string; action_id: string }[];
      expect(buttons.length).toBeLessThanOrEqual(25);
      for (const btn of buttons) {
        expect(btn.text.text.length).toBeLessThanOrEqual(75);
        expect(btn.value.length).toBeLessThanOrEqual(2000);
        expect(btn.action_id.length).toBeLessThanOrEqual(255);
      }
    }
  }
}

describe("Block Kit renderer", () => {
  it("renders a handover notice: header, escaped text, facts as fields, buttons carrying their data", () => {
    const message = renderMessage({
      title: "Ny henvisning",
      text: ["Behov: <!channel> & <@U123>"],
      facts: [{ label: "Virksomhed", value: "A<b>C ApS" }],
      actions: [accept, { id: "handover.decline", label: "Afvis", data: { handoverId: "hv_1" } }],
    });
    expect(message.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Ny henvisning" } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "Behov: &lt;!channel&gt; &amp; &lt;@U123&gt;",
          verbatim: true,
        },
      },
      {
        type: "section",
        fields: [{ type: "mrkdwn", text: "*Virksomhed*\nA&lt;b&gt;C ApS", verbatim: true }],
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "handover.accept",
            text: { type: "plain_text", text: "Acceptér" },
            value: '{"handoverId":"hv_1"}',
            style: "primary",
          },
          {
            type: "button",
            action_id: "handover.decline",
            text: { type: "plain_text", text: "Afvis" },
            value: '{"handoverId":"hv_1"}',
          },
        ],
      },
    ]);
    expect(message.text).toContain("&lt;!channel&gt;");
    expect(message.text).not.toContain("<");
  });

  it("keeps an oversized message inside Block Kit's limits and marks the cut", () => {
    const view: View = {
      title: long(400),
      text: Array.from({ length: 30 }, () => long(5000, "&")),
      facts: Array.from({ length: 25 }, (_, i) => ({
        label: `L${i}${long(1500)}`,
        value: long(1500),
      })),
      items: Array.from({ length: 20 }, (_, i) => ({
        title: `Item ${i}`,
        facts: [{ label: "a", value: "b" }],
        actions: [accept],
      })),
      actions: Array.from({ length: 30 }, (_, i) => ({ ...accept, id: `a${i}`, label: long(100) })),
    };
    const { blocks, text } = renderMessage(view);
    expectWithinLimits(blocks, LIMITS.messageBlocks);
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-3)).toEqual({
      type: "context",
      elements: [{ type: "plain_text", text: "…" }],
    });
    const last = blocks.slice(-2).flatMap((b) => b.elements as { action_id: string }[]);
    expect(last.map((b) => b.action_id)).toEqual(view.actions?.map((a) => a.id));
    expect(text.length).toBeLessThanOrEqual(LIMITS.messageText);
    for (const t of texts(blocks)) expect(t.text).not.toMatch(/&[a-z]{0,4}…$/);
  });

  it("a plan with 40 lines keeps its final buttons and shows more than 20 lines, each compact", () => {
    const plan: ActionPlan = {
      id: "Midtjylland:2026",
      house: "Midtjylland",
      year: 2026,
      goals: Array.from({ length: 20 }, (_, i) => ({
        id: `g${i}`,
        track: "A" as const,
        title: `Mål nummer ${i}`,
        target: 1500,
        unit: "virksomheder",
      })),
      activities: Array.from({ length: 20 }, (_, i) => ({
        id: `a${i}`,
        title: `Aktivitet nummer ${i}`,
        purposes: ["awareness" as const, "customerJourney" as const],
        owner: "Mette",
        due: "2026-10-01",
      })),
      meetings: {},
      updatedAt: "2026-01-05T09:00:00Z",
      updatedBy: "mgr-midtjylland",
    };
    const { blocks } = renderMessage(planView(translator(), plan, true));
    expectWithinLimits(blocks, LIMITS.messageBlocks);
    const final = (blocks.at(-1)?.elements ?? []) as { action_id: string }[];
    expect(final.map((b) => b.action_id)).toEqual(
      expect.arrayContaining(["plan.goal.open", "plan.activity.open", "plan.export"]),
    );
    const shown = JSON.stringify(blocks).match(/nummer \d+/g) ?? [];
    expect(shown.length).toBeGreaterThan(20);
    expect(JSON.stringify(blocks)).toContain("…");
  });

  it("a number field is a text input, so the Danish 1.500 reaches the core's validation", () => {
    const modal = renderModal(
      {
        text: [],
        form: {
          id: "f",
          fields: [
            { name: "target", label: "Mål", kind: "number", required: true, value: "1.500" },
          ],
          submit: { id: "plan.goal.save", label: "Gem", data: {} },
        },
      },
      { closeLabel: "Annullér", metadata: {} },
    );
    const input = (modal.blocks as Block[]).find((b) => b.block_id === "target");
    expect(input?.element).toMatchObject({ type: "plain_text_input", initial_value: "1.500" });
    expect(JSON.stringify(modal)).not.toContain("number_input");
  });

  it("shows *bold*, _italics_, ~strike~ and `code` typed by a user literally", () => {
    const need = "*HASTER* _nu_ ~x~ `code`";
    const { blocks, text } = renderMessage({
      text: [`Behov: ${need}`],
      facts: [{ label: "Behov", value: need }],
      items: [{ title: need, facts: [], actions: [] }],
    });
    const shown = JSON.stringify([blocks, text]);
    for (const formatted of ["*HASTER*", "_nu_", "~x~", "`code`"])
      expect(shown).not.toContain(formatted);
    for (const t of texts(blocks)) expect(t.text.replace(/\u2060/g, "")).toContain(need);
  });

  it("shows a modal title longer than Slack's 24 characters whole on top, and only then", () => {
    const form = {
      id: "g",
      fields: [{ name: "title", label: "Mål", kind: "text" as const, required: true }],
      submit: { id: "plan.goal.submit", label: "Gem", data: {} },
    };
    const long = renderModal(
      { title: "Mål i handlingsplanen for Erhvervshus Fyn 2026", text: [], form },
      { closeLabel: "Annullér", metadata: {} },
    );
    expect((long.title as { text: string }).text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(long.blocks)).toContain("Erhvervshus Fyn 2026");
    const short = renderModal(
      { title: "Afvis", text: [], form },
      { closeLabel: "Luk", metadata: {} },
    );
    expect((short.blocks as Block[]).filter((b) => b.type === "header")).toEqual([]);
  });

  it("splits 30 buttons into actions blocks of at most 25", () => {
    const actions = Array.from({ length: 30 }, (_, i) => ({ ...accept, id: `a${i}` }));
    const blocks = renderMessage({ text: [], actions }).blocks;
    expect(blocks.map((b) => (b.elements as unknown[]).length)).toEqual([25, 5]);
  });

  it("renders a form as a modal: one input per field with block_id = field name, data in private_metadata", () => {
    const modal = renderModal(
      {
        title: "Afvis henvisningen med en begrundelse",
        text: ["Skriv hvorfor."],
        form: {
          id: "decline",
          fields: [
            {
              name: "reason",
              kind: "multiline",
              label: "Begrundelse",
              required: true,
              maxLength: 500,
              error: "Skal udfyldes.",
            },
            {
              name: "to",
              kind: "choice",
              label: "Til",
              required: true,
              value: "p150",
              options: Array.from({ length: 150 }, (_, i) => ({ value: `p${i}`, label: long(90) })),
            },
            {
              name: "meetingDate",
              kind: "date",
              label: "Dato",
              required: true,
              value: "2026-11-24",
            },
            { name: "disclosed", kind: "toggle", label: "Oplyst", required: false, value: "true" },
          ],
          submit: {
            id: "handover.decline.submit",
            label: "Send afvisningen",
            data: { handoverId: "hv_1" },
          },
        },
      },
      {
        closeLabel: "Annullér",
        metadata: { data: { handoverId: "hv_1" }, channel: "D1", ts: "1.2" },
      },
    );
    expect(modal.type).toBe("modal");
    expect(modal.callback_id).toBe("handover.decline.submit");
    expect((modal.title as { text: string }).text.length).toBeLessThanOrEqual(24);
    expect(modalMetadata(modal.private_metadata as string)).toEqual({
      data: { handoverId: "hv_1" },
      channel: "D1",
      ts: "1.2",
    });
    const blocks = modal.blocks as Block[];
    const inputs = blocks.filter((b) => b.type === "input");
    expect(inputs.map((b) => b.block_id)).toEqual(["reason", "to", "meetingDate", "disclosed"]);
    expect(inputs.map((b) => (b.element as { type: string }).type)).toEqual([
      "plain_text_input",
      "static_select",
      "datepicker",
      "checkboxes",
    ]);
    const select = inputs[1]?.element as {
      options: { text: { text: string } }[];
      initial_option?: unknown;
    };
    expect(select.options).toHaveLength(100);
    expect(select.initial_option).toBeUndefined();
    for (const o of select.options) expect(o.text.text.length).toBeLessThanOrEqual(75);
    expect(((inputs[2] as Block).element as { initial_date: string }).initial_date).toBe(
      "2026-11-24",
    );
    expect(JSON.stringify(blocks)).toContain("Skal udfyldes.");
    expectWithinLimits(blocks, LIMITS.viewBlocks);
  });

  it("the App Home tab stays within 100 blocks", () => {
    const views: View[] = Array.from({ length: 40 }, (_, i) => ({
      title: `Henvisning ${i}`,
      text: ["a", "b"],
      actions: [accept],
    }));
    const home = renderHome(views);
    expect(home.type).toBe("home");
    expectWithinLimits(home.blocks as Block[], LIMITS.viewBlocks);
  });

  it("escapes and clips without breaking an entity or a surrogate pair", () => {
    expect(escapeMrkdwn("<https://x|y> & <!here>")).toBe("&lt;https://x|y&gt; &amp; &lt;!here&gt;");
    expect(clip("ab&amp;cd", 5)).toBe("ab…");
    expect(clip("ab😀cd", 4)).toBe("ab…");
    expect(clip("short", 10)).toBe("short");
  });
});

describe("Slack payload fixtures (shared/reference)", () => {
  it("reads a view_submission's answers by block_id: text, date, select", () => {
    const payload = JSON.parse(
      readFileSync(new URL("../fixtures/slack-view-submission.json", import.meta.url), "utf8"),
    );
    expect(modalAnswers(payload.view.state.values)).toEqual({
      cvr: "41726393",
      contact: "Jonas Holm Andersen",
      meeting_date: "2026-11-24",
      house: "Sydjylland",
      summary: "Indledende møde om eksport til Tyskland; henvist til TC.",
    });
  });

  it("verifies the reference slash command's signature with Slack's example secret at its time", async () => {
    const { isSignedBySlack } = await import("../../src/adapters/slack/slack-receiver.js");
    const lines = readFileSync(
      new URL("../fixtures/slack-slash-command.txt", import.meta.url),
      "utf8",
    )
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    const body = lines.at(-1) ?? "";
    const secret = "8f742231b10e8888abcd99yyyzzz85a5";
    const sig = "v0=aa23e9ccdd25292baab8a5b589e9df9fa1a4562b1792452b5e2f6e5c6bca2c79";
    const at = 1795766400 * 1000;
    expect(isSignedBySlack(secret, body, sig, "1795766400", at)).toBe(true);
    expect(isSignedBySlack(secret, body, sig, "1795766400", at + 301_000)).toBe(false);
    expect(isSignedBySlack(secret, body, sig, "1795766400", at - 301_000)).toBe(false);
    expect(isSignedBySlack(secret, `${body}x`, sig, "1795766400", at)).toBe(false);
  });
});
