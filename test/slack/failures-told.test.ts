import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlack } from "../fakes/fake-slack.js";
import { mountSmallDisk } from "../support/full-disk.js";
import type { RunningServer } from "../support/start-server.js";
import { type SlackRig, slackRig, stopSlack, useSlack } from "./slack-rig.js";
import {
  type Button,
  buttonClick,
  buttonsIn,
  eventually,
  mentions,
  payloadBody,
  post,
  referralAnswers,
  slackId,
  startSlackServer,
} from "./slack-support.js";

const SORRY = "Noget gik galt hos Eksportbro";
const responseTo = (rig: SlackRig, id: string) =>
  eventually(() => rig.fake.responses.find((r) => r.id === id)?.body);
const textOf = (body: unknown) => JSON.stringify(body);

/** Everything the server wrote to its data file and journal. */
function stored(server: RunningServer): string {
  const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");
  return read(server.dataFile) + read(`${server.dataFile}.journal`);
}

describe("someone users.info does not know (user_not_found)", () => {
  const rig = useSlack();

  it("gets the polite refusal everywhere, and not even a request key is stored", async () => {
    const stranger = "UNOBODY01";
    await rig.command(stranger, "/henvis", "98785647 X", "t-nobody");
    expect(textOf(await responseTo(rig, "t-nobody"))).toContain("katalog");
    await rig.click(
      stranger,
      { action_id: "handover.accept", value: "{}" },
      { channel: "D07H2L9QX4M", ts: "1.000001" },
      "300.1",
    );
    expect(textOf(await responseTo(rig, "action-300.1"))).toContain("katalog");
    const modal = { type: "modal", callback_id: "handover.request.submit", private_metadata: "" };
    const submit = await rig.submit(stranger, modal, referralAnswers("98785647", "X"), "VNOBODY1");
    expect(submit.text).toContain("katalog");
    const data = stored(rig.server);
    for (const key of ["t-nobody", "300.1", "VNOBODY1", stranger]) expect(data).not.toContain(key);
  });
});

const disk = mountSmallDisk();

/**
 * A full disk still takes small appends into the journal's last, partly used page: switch the
 * language back and forth until the store refuses, so every test after it meets a refusal.
 */
async function useUpTheLastPage(rig: SlackRig): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const id = `t-burn-${i}`;
    const language = i % 2 === 0 ? "en" : "da";
    await rig.command(slackId("bd-fyn-2"), "/sprog", language, id);
    if (textOf(await responseTo(rig, id)).includes(SORRY)) return;
  }
  throw new Error("the store never refused a write on the full disk");
}

describe.skipIf(!disk)("a full disk (a real 4 MB tmpfs): every Slack user is told", () => {
  let rig: SlackRig;
  let form: Record<string, unknown>;
  let accept: ReturnType<typeof buttonClick>;
  const bd = slackId("bd-fyn-1");

  /** Started, given a form and a handover card, then restarted (which compacts the journal away). */
  beforeAll(async () => {
    const fake = await startFakeSlack();
    const dataFile = `${disk?.dir}/eksportbro.json`;
    rig = slackRig({ fake, server: await startSlackServer(fake, { DATA_FILE: dataFile }) });
    await rig.command(bd, "/henvis", "", "t-form");
    form = await rig.modalOpened("t-form");
    await rig.command(bd, "/henvis", "10150817 Eksport til Tyskland");
    const dm = await eventually(() =>
      fake.ok("chat.postMessage").find((c) => mentions(c, "handover.accept")),
    );
    const button = buttonsIn(dm.args.blocks).find((b) => b.action_id === "handover.accept");
    const message = { channel: String(dm.args.channel), ts: "2.000001" };
    accept = buttonClick(fake, String(dm.args.channel), button as Button, message, "400.1");
    await rig.server.stop();
    rig.server = await startSlackServer(fake, { DATA_FILE: dataFile });
    disk?.fill();
    await useUpTheLastPage(rig);
  });
  afterAll(async () => {
    disk?.free();
    try {
      await stopSlack(rig ?? {});
    } finally {
      disk?.unmount();
    }
  });

  it("a slash command: the apology comes through its response_url", async () => {
    const res = await rig.command(bd, "/henvis", "41726393 Vækst i Norden", "t-full");
    expect(res.status).toBe(200);
    expect(textOf(await responseTo(rig, "t-full"))).toContain(SORRY);
  });

  it("a modal submit: the apology is the ack itself, so the modal says it", async () => {
    const res = await rig.submit(
      bd,
      form,
      referralAnswers("92743187", "Design til Japan"),
      "VFULL1",
    );
    const ack = JSON.parse(res.text) as { response_action: string; view: unknown };
    expect(ack.response_action).toBe("update");
    expect(textOf(ack.view)).toContain(SORRY);
  });

  it("a button: the apology comes through its response_url", async () => {
    await post(rig.server, payloadBody(accept));
    expect(textOf(await responseTo(rig, "action-400.1"))).toContain(SORRY);
  });

  it("with room again, the same submit goes through: nothing was half done", async () => {
    disk?.free();
    const res = await rig.submit(
      bd,
      form,
      referralAnswers("92743187", "Design til Japan"),
      "VFULL1",
    );
    expect(res.text).toBe("");
    await eventually(() =>
      rig.fake.ok("chat.postMessage").find((c) => c.args.channel === bd && mentions(c, "92743187")),
    );
  });
});
