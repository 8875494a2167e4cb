import { expect, it } from "vitest";
import { useSlack } from "./slack-rig.js";
import { type Button, buttonsIn, eventually, slackId } from "./slack-support.js";

const slack = useSlack();

/** What the bot answered a slash command, as Block Kit blocks. */
async function answer(person: string, command: string, text: string, id: string) {
  await slack.command(slackId(person), command, text, id);
  const body = await eventually(() => slack.fake.responses.find((r) => r.id === id)?.body);
  return body.blocks as unknown[];
}

it("in Slack a business developer gets the house's plan without buttons, TC management any house's, and a manager cannot move the date", async () => {
  const year = String(new Date().getFullYear());
  const editable = await answer("mgr-fyn", "/handlingsplan", `Fyn ${year}`, "t-mgr-2");
  const add = buttonsIn(editable).find((b) => b.action_id === "plan.goal.open") as Button;
  const manager = slackId("mgr-fyn");
  const message = { channel: "D07H2L9QX4M", ts: "1733220000.000200" };
  await slack.click(manager, add, message, "400.1");
  const view = await slack.modalOpened("trigger-400.1");
  const goal = {
    track: { type: "static_select", selected_option: { value: "A" } },
    title: { type: "plain_text_input", value: "Eksportparate virksomheder" },
    target: { type: "number_input", value: "30" },
    unit: { type: "plain_text_input", value: "virksomheder" },
  };
  expect((await slack.submit(manager, view, goal, "VGOAL1")).text).toBe("");

  for (const [person, id] of [
    ["bd-fyn-1", "t-bd"],
    ["tc-manager", "t-tc"],
  ] as const) {
    const blocks = await answer(person, "/handlingsplan", `Fyn ${year}`, id);
    expect(buttonsIn(blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("Du kan se planen.");
    expect(JSON.stringify(blocks)).toContain("Eksportparate virksomheder");
  }

  await slack.command(slackId("mgr-fyn"), "/statusmøde", "31.12.2099", "t-date");
  const replies = await eventually(() => {
    const found = slack.fake.responses.filter((r) => r.id === "t-date");
    return found.length === 2 ? found.map((r) => JSON.stringify(r.body.blocks)) : undefined;
  });
  expect(replies[0]).toContain("Det er rådgiverne, der sætter datoen for statusmødet.");
  expect(replies[1]).toContain("Statusmøde for Erhvervshus Fyn");
  expect(replies[1]).toContain("Mødedato*\\nikke sat endnu");
  expect(
    JSON.stringify(await answer("bd-fyn-1", "/handlingsplan", "Sjælland", "t-other")),
  ).toContain("Dit eget hus' plan ser du med /handlingsplan.");
});
