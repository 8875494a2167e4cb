import { beforeAll, describe, expect, it } from "vitest";
import { useSlack } from "./slack-rig.js";
import {
  eventually,
  mentions,
  payloadBody,
  post,
  referralAnswers,
  slackId,
  submission,
  writeOrgFile,
} from "./slack-support.js";

const NEWCOMER = "UHOVEDSTADEN1";
const LATECOMER = "UHOVEDSTADEN2";

const slack = useSlack(() => ({
  ORG_FILE: writeOrgFile(["bd-hovedstaden-1", "bd-hovedstaden-2"]),
}));
let form: Record<string, unknown>;

beforeAll(async () => {
  await eventually(() => (slack.fake.attempts("users.lookupByEmail") === 2 ? true : undefined));
  slack.fake.setEmail(NEWCOMER, "bd-hovedstaden-1@demo.eksportbro.invalid");
  slack.fake.setEmail(LATECOMER, "bd-hovedstaden-2@demo.eksportbro.invalid");
  await slack.command(slackId("bd-fyn-2"), "/henvis", "", "t-form");
  form = await slack.modalOpened("t-form");
});

describe("a modal submit that fails is never silent", () => {
  it("users.info failing: the modal says sorry, and the same submit sent again is stored", async () => {
    slack.fake.fail("users.info", { status: 500 });
    const body = payloadBody(
      submission(NEWCOMER, form, referralAnswers("92743187", "Design til Japan"), "VFAIL1"),
    );
    const first = JSON.parse((await post(slack.server, body)).text) as {
      response_action: string;
      view: { type: string; blocks: unknown[] };
    };
    expect(first.response_action).toBe("update");
    expect(JSON.stringify(first.view.blocks)).toContain("Noget gik galt hos Eksportbro");
    expect((await post(slack.server, body)).text).toBe("");
    await eventually(() =>
      slack.fake
        .ok("chat.postMessage")
        .find((c) => c.args.channel === NEWCOMER && mentions(c, "Gåsefjer Design ApS")),
    );
  });

  it("someone not in the directory sees the refusal on the modal, not a modal that just closes", async () => {
    slack.fake.setEmail("USTRANGER", "stranger@example.com");
    const body = payloadBody(
      submission("USTRANGER", form, referralAnswers("98785647", "X"), "VSTR1"),
    );
    const answer = JSON.parse((await post(slack.server, body)).text) as {
      response_action: string;
      view: { blocks: unknown[] };
    };
    expect(answer.response_action).toBe("update");
    expect(JSON.stringify(answer.view.blocks)).toContain("katalog");
  });

  it("field errors found after Slack's 3 seconds come by DM with the form's button, not lost", async () => {
    slack.fake.slow("users.info", 2_700);
    const body = payloadBody(
      submission(LATECOMER, form, referralAnswers("1234", "Eksport"), "VLATE1"),
    );
    expect((await post(slack.server, body)).text).toBe("");
    const dm = await eventually(() =>
      slack.fake
        .ok("chat.postMessage")
        .find((c) => c.args.channel === LATECOMER && mentions(c, "præcis 8 cifre")),
    );
    expect(JSON.stringify(dm.args.blocks)).toContain('"action_id":"handover.request.submit"');
    expect(JSON.stringify(dm.args.blocks)).toContain("1234");
  });

  it("a 429 on the confirmation after a submit is waited out: the referrer still gets it", async () => {
    slack.fake.fail("chat.postMessage", { status: 429, retryAfter: 1 }, 2);
    const body = payloadBody(
      submission(slackId("bd-fyn-1"), form, referralAnswers("41726393", "Messe i Hamborg"), "V429"),
    );
    expect((await post(slack.server, body)).text).toBe("");
    await eventually(() =>
      slack.fake
        .ok("chat.postMessage")
        .find((c) => c.args.channel === slackId("bd-fyn-1") && mentions(c, "41726393")),
    );
  });
});
