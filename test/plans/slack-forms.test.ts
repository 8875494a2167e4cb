import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modalAnswers, modalMetadata } from "../../src/adapters/slack/modal-answers.js";
import { planCollection } from "../../src/app/plans/plan-collections.js";
import { validateForm } from "../../src/forms/engine.js";
import { activityForm } from "../../src/forms/plan-forms.js";
import { type Block, LIMITS, renderModal } from "../../src/renderers/block-kit.js";
import type { View } from "../../src/views/view.js";
import { addGoal, afterEdit, itemIds, makePlanBot, plain, views } from "./plan-support.js";

type Bot = ReturnType<typeof makePlanBot>;
type Option = { value: string };

/** The element types Slack may show for each field kind (numbers: number or plain text input). */
const ELEMENTS: Record<string, string[]> = {
  text: ["plain_text_input"],
  multiline: ["plain_text_input"],
  number: ["number_input", "plain_text_input"],
  date: ["datepicker"],
  choice: ["static_select"],
  toggle: ["checkboxes"],
};

const reference = JSON.parse(
  readFileSync(new URL("../fixtures/slack-view-submission.json", import.meta.url), "utf8"),
);

function modalOf(view: View | undefined): Block {
  if (!view?.form) throw new Error("no form");
  return renderModal(view, { closeLabel: "Luk", metadata: { data: view.form.submit.data } });
}

const inputsOf = (modal: Block) => (modal.blocks as Block[]).filter((b) => b.type === "input");

/**
 * What Slack sends back for a modal (block_id -> action_id -> state), the way the reference
 * payload has it: a text field's value (null when empty), a date, a chosen option, ticked boxes.
 */
function stateOf(modal: Block, answers: Record<string, string | boolean>) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const input of inputsOf(modal)) {
    const el = input.element as Block & { action_id: string; options?: Option[] };
    const answer = answers[input.block_id as string];
    let state: Record<string, unknown>;
    if (el.type === "checkboxes")
      state = { selected_options: answer === true ? (el.options ?? []) : [] };
    else if (el.type === "datepicker") state = { selected_date: answer ?? null };
    else if (el.type === "static_select")
      state = { selected_option: el.options?.find((o) => o.value === answer) ?? null };
    else state = { value: answer ?? null };
    values[input.block_id as string] = { [el.action_id]: { type: el.type, ...state } };
  }
  return values;
}

/** A realistic view_submission payload (shared/reference) for the modal with these answers. */
function submission(modal: Block, answers: Record<string, string | boolean>) {
  const view = {
    ...reference.view,
    blocks: modal.blocks,
    callback_id: modal.callback_id,
    private_metadata: modal.private_metadata,
    state: { values: stateOf(modal, answers) },
  };
  return { ...reference, view };
}

/** Submits a modal as the Slack adapter does: hidden data from private_metadata, then the answers. */
function submit(bot: Bot, who: string, modal: Block, answers: Record<string, string | boolean>) {
  const { view } = submission(modal, answers);
  const data = { ...modalMetadata(view.private_metadata).data, ...modalAnswers(view.state.values) };
  return bot.act(who, view.callback_id, data);
}

async function planForms(bot: Bot) {
  const ref = { house: "Fyn", year: "2026" };
  const plan = await addGoal(bot, "mgr-fyn", "Fyn", 2026, {
    track: "A",
    title: "Forberedte",
    target: "8",
    unit: "virksomheder",
  });
  const [goalId] = itemIds(plan) as [string];
  const open = async (id: string, data: Record<string, string>) =>
    views(await bot.act("mgr-fyn", id, data))[0];
  const period = { house: "Fyn", period: "2026H2" };
  return {
    goal: await open("plan.goal.open", ref),
    goalEdit: await open("plan.goal.open", { ...ref, itemId: goalId }),
    activity: await open("plan.activity.open", ref),
    meetings: await open("plan.meetings.open", ref),
    advisors: await open("plan.advisors.open", ref),
    progress: await open("plan.status.item", { ...period, itemId: goalId }),
    budget: await open("plan.status.budget", period),
  };
}

describe("the plan and status forms as Slack modals (Block Kit)", () => {
  it("renders every field as an input block named by the field, within Block Kit's limits", async () => {
    const bot = makePlanBot();
    for (const [name, view] of Object.entries(await planForms(bot))) {
      const modal = modalOf(view);
      const fields = view?.form?.fields ?? [];
      expect(fields.length, name).toBeGreaterThan(0);
      expect(
        inputsOf(modal).map((b) => b.block_id),
        name,
      ).toEqual(fields.map((f) => f.name));
      for (const [i, input] of inputsOf(modal).entries()) {
        const field = fields[i];
        const el = input.element as Block & { action_id: string };
        expect(ELEMENTS[field?.kind ?? ""], `${name}.${field?.name}`).toContain(el.type);
        expect(el.action_id).toBe("value");
        expect(input.optional, `${name}.${field?.name}`).toBe(!field?.required);
        expect((input.label as { text: string }).text).toBe(field?.label);
      }
      expect(modal.callback_id).toBe(view?.form?.submit.id);
      expect((modal.blocks as Block[]).length).toBeLessThanOrEqual(LIMITS.viewBlocks);
      expect(String(modal.private_metadata).length).toBeLessThanOrEqual(LIMITS.privateMetadata);
    }
  });

  it("pre-fills an edited goal: the chosen track and the typed values come back as initial values", async () => {
    const bot = makePlanBot();
    const { goalEdit } = await planForms(bot);
    const byName = Object.fromEntries(
      inputsOf(modalOf(goalEdit)).map((b) => [b.block_id, b.element as Record<string, unknown>]),
    );
    expect(byName.track?.initial_option).toMatchObject({ value: "A" });
    expect(byName.title?.initial_value).toBe("Forberedte");
    expect(byName.target?.initial_value).toBe("8");
    expect(byName.kpi?.initial_option).toBeUndefined();
  });

  it("maps a purpose checkbox to the 'true'/'false' the activity form expects", async () => {
    const bot = makePlanBot();
    const { activity } = await planForms(bot);
    const modal = modalOf(activity);
    const boxes = inputsOf(modal).filter((b) => (b.element as Block).type === "checkboxes");
    expect(boxes.map((b) => b.block_id)).toEqual(["awareness", "customerJourney"]);
    for (const b of boxes) {
      const el = b.element as { options: (Option & { text: { text: string } })[] };
      expect(el.options).toHaveLength(1);
      expect(el.options[0]?.value).toBe("true");
      expect(el.options[0]?.text.text.length).toBeLessThanOrEqual(LIMITS.optionText);
    }
    const { view } = submission(modal, {
      title: "Eksportdag",
      awareness: true,
      customerJourney: false,
      owner: "Karen",
      due: "2026-05-01",
    });
    const answers = modalAnswers(view.state.values);
    expect(answers).toMatchObject({ awareness: "true", customerJourney: "false" });
    const checked = validateForm(activityForm(2026), answers);
    expect(checked.ok && checked.value).toMatchObject({
      awareness: "true",
      customerJourney: "false",
    });
  });

  it("saves a goal and an activity submitted from Slack modals, empty optional fields left out", async () => {
    const bot = makePlanBot();
    const { goal, activity } = await planForms(bot);
    const goalReply = await submit(bot, "mgr-fyn", modalOf(goal), {
      track: "B",
      title: "Eksportforløb via TC",
      target: "12",
      unit: "virksomheder",
    });
    const savedGoal = await afterEdit(bot, "mgr-fyn", goalReply);
    expect(plain(savedGoal.plan)).toContain("Mål B: Eksportforløb via TC");
    const reply = await submit(bot, "mgr-fyn", modalOf(activity), {
      title: "Eksportdag",
      awareness: true,
      customerJourney: false,
      owner: "Karen",
      due: "2026-05-01",
    });
    const text = plain((await afterEdit(bot, "mgr-fyn", reply)).plan);
    expect(text).toContain("Formål: Fremmer kendskabet til samarbejdet mellem UM og EH");
    expect(text).toContain("Optimerer kunderejsen");
    const plan = await bot.deps.store.collection(planCollection).get("Fyn:2026");
    expect(plan?.goals.at(-1)).toMatchObject({ track: "B", target: 12, unit: "virksomheder" });
    expect(plan?.goals.at(-1)?.kpi).toBeUndefined();
    expect(plan?.activities.at(-1)?.purposes).toEqual(["awareness"]);
  });

  it("keys a refused answer's errors by the block_id Slack shows them on", async () => {
    const bot = makePlanBot();
    const { progress } = await planForms(bot);
    const modal = modalOf(progress);
    const reply = await submit(bot, "adv-fyn-1", modal, { progress: "2000000", status: "at_risk" });
    if (reply.ok) throw new Error("accepted");
    const blockIds = inputsOf(modal).map((b) => b.block_id);
    expect(Object.keys(reply.errors).sort()).toEqual(["comment", "progress"]);
    for (const key of Object.keys(reply.errors)) expect(blockIds).toContain(key);
  });
});
