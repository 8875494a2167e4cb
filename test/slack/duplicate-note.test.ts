import { expect, it } from "vitest";
import { useSlack } from "./slack-rig.js";
import { type Button, buttonsIn, eventually, mentions, slackId } from "./slack-support.js";

const slack = useSlack();

const NOTE = "De skal også på messe i Hamborg i marts.";

it("a duplicate /henvis in Slack offers a note to the holder; the modal checks it and the holder gets it by DM", async () => {
  await slack.command(slackId("bd-midtjylland-1"), "/henvis", "10150817 Eksport", "t-first");
  const handover = await eventually(() =>
    slack.fake
      .ok("chat.postMessage")
      .find((c) => mentions(c, "10150817") && mentions(c, "handover.accept")),
  );
  const holder = String(handover.args.channel);
  expect(holder).toBe(slackId("adv-midtjylland-1"));

  const author = slackId("bd-midtjylland-2");
  await slack.command(author, "/henvis", "10150817 Messe i Hamborg", "t-dup");
  const duplicate = await eventually(
    () => slack.fake.responses.find((r) => r.id === "t-dup")?.body,
  );
  expect(JSON.stringify(duplicate.blocks)).toContain("Der er allerede en åben henvisning");
  const button = buttonsIn(duplicate.blocks).find((b) => b.action_id === "handover.note") as Button;
  expect(JSON.stringify(button)).toContain("Skriv en note til Camilla Dam Poulsen");

  const message = { channel: "D07H2L9QX4M", ts: "1733220000.000100" };
  await slack.click(author, button, message, "300.1");
  const view = await slack.modalOpened("trigger-300.1");
  expect(view.callback_id).toBe("handover.note.submit");
  expect(JSON.stringify(view.blocks)).toContain("Din note");

  const cpr = { note: { type: "plain_text_input", value: "Kontakt 010203-1234" } };
  const refused = await slack.submit(author, view, cpr, "VNOTE1");
  const errors = JSON.parse(refused.text) as { response_action: string; errors: object };
  expect(errors.response_action).toBe("errors");
  expect(Object.keys(errors.errors)).toEqual(["note"]);

  const note = { note: { type: "plain_text_input", value: NOTE } };
  expect((await slack.submit(author, view, note, "VNOTE1")).text).toBe("");
  const told = await eventually(() =>
    slack.fake.ok("chat.postMessage").find((c) => c.args.channel === holder && mentions(c, NOTE)),
  );
  expect(mentions(told, "Julie Lund Eriksen ville henvise Nordlys Maskinfabrik A/S")).toBe(true);
  await eventually(() =>
    [...slack.fake.ok("chat.postMessage"), ...slack.fake.ok("chat.update")].find((c) =>
      mentions(c, "Din note er sendt til Camilla Dam Poulsen."),
    ),
  );
});
