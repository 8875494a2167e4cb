import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { renderAdaptiveCard } from "../../src/renderers/adaptive-card.js";
import { renderMessage, renderModal } from "../../src/renderers/block-kit.js";
import type { View } from "../../src/views/view.js";
import { everyView } from "./every-card.js";

const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");
const draft6 = require("ajv/dist/refs/json-schema-draft-06.json");
/** Microsoft's schema for the version the cards declare (shared/reference/schemas). */
const schemaFile = new URL("../fixtures/adaptive-card-1.4.0.json", import.meta.url);

/** Draft-06 names the schema with `id`, which ajv 8 reads as `$id`. */
function validator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, validateFormats: false });
  ajv.addMetaSchema(draft6);
  const { id, ...schema } = JSON.parse(readFileSync(schemaFile, "utf8"));
  return ajv.compile({ $id: id, ...schema });
}

/** What the adaptivecards SDK (the local chat's renderer) reports about a card, with Teams' 5 actions. */
function sdkProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = new AC.HostConfig({ actions: { maxActions: 5 } });
  parsed.parse(card);
  const events = parsed.validateProperties().validationEvents as { message: string }[];
  return events.map((e) => e.message);
}

function actionSets(card: Record<string, unknown>): unknown[][] {
  const sets: unknown[][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.actions)) sets.push(o.actions);
    for (const value of Object.values(o)) walk(value);
  };
  walk(card);
  return sets;
}

/** As Teams sends them: file links, and a refresh for the person the chat belongs to. */
const TEAMS_OPTIONS = {
  fileUrl: (f: { id: string }) => `/f/${f.id}`,
  refreshUserIds: ["29:someone"],
};

let views: View[];
let validate: ValidateFunction;

beforeAll(async () => {
  validate = validator();
  ({ views } = await everyView());
}, 120_000);

describe("every card the bot produces", () => {
  it("is drawn from many distinct views: answers, forms with and without errors, notices", () => {
    expect(views.length).toBeGreaterThan(150);
    expect(views.some((v) => v.actions?.some((a) => a.id === "plan.copy"))).toBe(true);
    expect(views.some((v) => v.refresh?.id === "handover.show")).toBe(true);
    expect(views.some((v) => v.actions?.some((a) => a.id === "plan.show"))).toBe(true);
    expect(views.some((v) => v.form?.fields.some((f) => f.error))).toBe(true);
    expect(views.some((v) => v.form?.fields.some((f) => f.kind === "toggle"))).toBe(true);
    expect(views.some((v) => v.form?.fields.some((f) => f.kind === "number" && f.value))).toBe(
      true,
    );
  });

  it("validates against the official Adaptive Card 1.4 schema", () => {
    const invalid = views
      .map((view) => ({ view, card: renderAdaptiveCard(view, TEAMS_OPTIONS) }))
      .filter(({ card }) => !validate(card))
      .map(({ view, card }) => ({ title: view.title, card, errors: validate.errors }));
    expect(invalid.slice(0, 2)).toEqual([]);
  });

  it("passes the adaptivecards SDK's own validation with a host's limit of 5 actions", () => {
    const problems = views
      .map((view) => ({
        title: view.title,
        problems: sdkProblems(renderAdaptiveCard(view, TEAMS_OPTIONS)),
      }))
      .filter((p) => p.problems.length > 0);
    expect(problems.slice(0, 3)).toEqual([]);
  });

  it("has no action set with more than 5 buttons", () => {
    const crowded = views
      .flatMap((view) => actionSets(renderAdaptiveCard(view)).map((set) => ({ view, set })))
      .filter(({ set }) => set.length > 5)
      .map(({ view, set }) => ({ title: view.title, buttons: set.length }));
    expect(crowded).toEqual([]);
  });

  it("renders as Block Kit messages and modals within Slack's limits", () => {
    for (const view of views) {
      expect(() => renderMessage(view)).not.toThrow();
      if (view.form)
        expect(() => renderModal(view, { closeLabel: "Luk", metadata: {} })).not.toThrow();
    }
  });

  it("shows every pre-filled value: numbers as numbers, the rest as given", () => {
    for (const view of views.filter((v) => v.form)) {
      const card = renderAdaptiveCard(view);
      const inputs = new Map(
        (card.body as { id?: string; value?: unknown }[]).filter((e) => e.id).map((e) => [e.id, e]),
      );
      for (const field of view.form?.fields ?? []) {
        if (field.value === undefined) continue;
        const shown = inputs.get(field.name)?.value;
        if (field.kind === "number" && /^\d+$/.test(field.value))
          expect(shown, field.name).toBe(Number(field.value));
        else if (field.kind !== "number") expect(shown, field.name).toBe(field.value);
      }
    }
  });
});
