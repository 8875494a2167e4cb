import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../fakes/fake-slack.js";
import { type RunningServer, removeServerDirs } from "../support/start-server.js";
import {
  commandBody,
  eventually,
  post,
  settle,
  slackId,
  startSlackServer,
  writeOrgFile,
} from "./slack-support.js";

const servers: RunningServer[] = [];
const fakes: FakeSlack[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});
afterAll(removeServerDirs);

async function setUp(env: Record<string, string> = {}) {
  const fake = await startFakeSlack();
  fakes.push(fake);
  const server = await startSlackServer(fake, env);
  servers.push(server);
  return { fake, server };
}

const dmsAbout = (fake: FakeSlack, cvr: string) =>
  fake.ok("chat.postMessage").filter((c) => JSON.stringify(c.args.blocks).includes(cvr));

describe("Slack delivery through the outbox", () => {
  it("a 429 with Retry-After is waited out and the DM is delivered exactly once", async () => {
    const { fake, server } = await setUp();
    fake.fail("chat.postMessage", { status: 429, retryAfter: 1 });
    await post(server, commandBody(fake, slackId("bd-fyn-1"), "/henvis", "10150817 Eksport"));
    await eventually(() => dmsAbout(fake, "10150817").at(0));
    await settle(1500);
    expect(fake.attempts("chat.postMessage")).toBe(2);
    expect(dmsAbout(fake, "10150817")).toHaveLength(1);
  });

  it("a message queued when the server stops is delivered once after the restart", async () => {
    const { fake, server } = await setUp();
    fake.fail("chat.postMessage", { status: 429, retryAfter: 3 });
    await post(server, commandBody(fake, slackId("bd-fyn-1"), "/henvis", "41726393 Eksport"));
    await eventually(() => (fake.attempts("chat.postMessage") === 1 ? true : undefined));
    await server.stop();
    expect(dmsAbout(fake, "41726393")).toHaveLength(0);
    const again = await startSlackServer(fake, { DATA_FILE: server.dataFile });
    servers.push(again);
    await eventually(() => dmsAbout(fake, "41726393").at(0), 10_000);
    await settle(1500);
    expect(dmsAbout(fake, "41726393")).toHaveLength(1);
  });

  it("user text cannot mention, link or format: <!channel>, <@U123>, <url|x> and *bold* arrive escaped", async () => {
    const { fake, server } = await setUp();
    const need = "Se <!channel> og <@U123> her: <https://evil.example|klik> & mere *HASTER* _nu_";
    await post(server, commandBody(fake, slackId("bd-fyn-1"), "/henvis", `98785647 ${need}`));
    const dm = await eventually(() => dmsAbout(fake, "98785647").at(0));
    const sent = JSON.stringify([dm.args.blocks, dm.args.text]);
    expect(sent).not.toMatch(/<!channel>|<@U123>|<https:/);
    expect(sent).toContain("&lt;!channel&gt;");
    expect(sent).toContain("&lt;@U123&gt;");
    expect(sent).toContain("&amp; mere");
    expect(sent).not.toMatch(/\*HASTER\*|_nu_/);
  });

  it("finds a person without a Slack id in the directory by the e-mail users.info gives", async () => {
    const org = writeOrgFile(["bd-hovedstaden-1"]);
    const { fake, server } = await setUp({ ORG_FILE: org });
    await eventually(() => (fake.attempts("users.lookupByEmail") === 1 ? true : undefined));
    fake.setEmail("UNEWCOMER", "bd-hovedstaden-1@demo.eksportbro.invalid");
    const body = commandBody(fake, "UNEWCOMER", "/henvis", "92743187 Design til Japan", "t-mail");
    await post(server, body);
    const reply = await eventually(() => fake.responses.find((r) => r.id === "t-mail"));
    expect(JSON.stringify(reply.body)).toContain("Gåsefjer Design ApS");
    expect(fake.ok("users.info").map((c) => c.args.user)).toEqual(["UNEWCOMER"]);
    await post(server, commandBody(fake, "UNEWCOMER", "/mine", "", "t-mail-2"));
    await eventually(() => fake.responses.find((r) => r.id === "t-mail-2"));
    expect(fake.ok("users.info")).toHaveLength(1);
  });

  it("DMs an advisor the directory knows only by e-mail: their Slack id is looked up at start", async () => {
    const fake = await startFakeSlack();
    fakes.push(fake);
    fake.setEmail("UMETTE", "adv-fyn-1@demo.eksportbro.invalid");
    fake.setEmail("UOLE", "adv-midtjylland-2@demo.eksportbro.invalid");
    const org = writeOrgFile(["adv-fyn-1", "adv-midtjylland-2"]);
    const server = await startSlackServer(fake, { ORG_FILE: org });
    servers.push(server);
    const looked = () => fake.ok("users.lookupByEmail").map((c) => c.args.email);
    await eventually(() => (looked().length === 2 ? true : undefined));
    expect(looked()).toEqual([
      "adv-fyn-1@demo.eksportbro.invalid",
      "adv-midtjylland-2@demo.eksportbro.invalid",
    ]);
    await settle(200);
    await post(server, commandBody(fake, slackId("bd-fyn-1"), "/henvis", "10150817 Eksport"));
    const dm = await eventually(() => dmsAbout(fake, "10150817").at(0));
    expect(dm.args.channel).toBe("UMETTE");
  });

  it("a notice for someone whose Slack id is still being looked up at start waits and goes out", async () => {
    const fake = await startFakeSlack();
    fakes.push(fake);
    fake.setEmail("UMETTE", "adv-fyn-1@demo.eksportbro.invalid");
    fake.slow("users.lookupByEmail", 4_000);
    const org = writeOrgFile(["adv-fyn-1"]);
    const server = await startSlackServer(fake, { ORG_FILE: org });
    servers.push(server);
    const body = commandBody(fake, slackId("bd-fyn-1"), "/henvis", "10150817 Eksport", "t-early");
    await post(server, body);
    const reply = await eventually(() => fake.responses.find((r) => r.id === "t-early"));
    expect(JSON.stringify(reply.body)).toContain("Nordlys Maskinfabrik A/S");
    expect(JSON.stringify(reply.body)).not.toContain("kunne ikke give besked");
    const dm = await eventually(() => dmsAbout(fake, "10150817").at(0), 10_000);
    expect(dm.args.channel).toBe("UMETTE");
    await settle(1500);
    expect(dmsAbout(fake, "10150817")).toHaveLength(1);
  });
});
