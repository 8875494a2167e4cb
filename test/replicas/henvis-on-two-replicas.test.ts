import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshCompanies } from "../../bench/data.js";
import { BUSINESS_DEVELOPERS } from "../../bench/people.js";
import { type FakeSlack, startFakeSlack } from "../fakes/fake-slack.js";
import {
  commandBody,
  eventually,
  post,
  slackId,
  startSlackServer,
} from "../slack/slack-support.js";
import { admin, createTestDatabase, describePg, dropTestDatabases } from "../support/postgres.js";
import { type RunningServer, removeServerDirs } from "../support/start-server.js";

const SENT = "Henvisning sendt";
const ALREADY_OPEN = "har allerede en åben henvisning";

interface Henvis {
  cvr: string;
  trigger: string;
  replica: RunningServer;
}

describePg("/henvis on two replicas of one PostgreSQL database", { timeout: 240_000 }, () => {
  let fake: FakeSlack;
  let url: string;
  const replicas: RunningServer[] = [];
  const companies = freshCompanies(400, new Set());
  beforeAll(async () => {
    url = await createTestDatabase("henvis_replicas");
    fake = await startFakeSlack();
    const fixture = join(mkdtempSync(join(tmpdir(), "eksportbro-replicas-")), "companies.json");
    writeFileSync(fixture, JSON.stringify(companies));
    const env = { DATABASE_URL: url, CVR_SOURCE: "fixture", CVR_FIXTURE_FILE: fixture };
    replicas.push(await startSlackServer(fake, env), await startSlackServer(fake, env));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await fake?.close();
    removeServerDirs();
    await dropTestDatabases();
  });

  /** Sends one signed /henvis to a replica; resolves with what the person was answered. */
  async function henvis({ cvr, trigger, replica }: Henvis, i: number): Promise<string> {
    const from = slackId(BUSINESS_DEVELOPERS[i % BUSINESS_DEVELOPERS.length]?.id ?? "bd-fyn-1");
    const body = commandBody(fake, from, "/henvis", `${cvr} Eksport til Tyskland`, trigger);
    const res = await post(replica, body);
    expect(res.status).toBe(200);
    const answer = await eventually(
      () => fake.responses.find((r) => r.id === trigger)?.body,
      120_000,
    );
    return JSON.stringify(answer);
  }

  it("400 at once, spread over both: every acknowledged handover stored, one open per CVR, every refusal says it is already open", async () => {
    const [a, b] = replicas as [RunningServer, RunningServer];
    const alreadyOpen: string[] = companies.slice(0, 20).map((c) => c.cvr);
    for (const [i, cvr] of alreadyOpen.entries()) {
      const answer = await henvis({ cvr, trigger: randomUUID(), replica: i % 2 ? a : b }, i);
      expect(answer).toContain(SENT);
    }
    const raced: string[] = companies.slice(20, 40).map((c) => c.cvr);
    const fresh = companies.slice(40, 360).map((c) => c.cvr);
    const burst: Henvis[] = [
      ...alreadyOpen.flatMap((cvr) => [cvr, cvr]),
      ...raced.flatMap((cvr) => [cvr, cvr]),
      ...fresh,
    ].map((cvr, i) => ({ cvr, trigger: randomUUID(), replica: i % 2 ? a : b }));
    expect(burst).toHaveLength(400);

    const answers = await Promise.all(burst.map((h, i) => henvis(h, i)));

    const sent = burst.filter((_, i) => answers[i]?.includes(SENT)).map((h) => h.cvr);
    const refused = burst.filter((_, i) => !answers[i]?.includes(SENT));
    expect(refused.every((h) => answers[burst.indexOf(h)]?.includes(ALREADY_OPEN))).toBe(true);
    expect(refused.filter((h) => alreadyOpen.includes(h.cvr))).toHaveLength(40);
    expect(sent.filter((cvr) => raced.includes(cvr)).sort()).toEqual([...raced].sort());
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent).toHaveLength(340);

    const rows = await admin(
      async (c) =>
        (
          await c.query<{ cvr: string; open: string }>(
            "SELECT cvr, count(*) AS open FROM handovers WHERE status IN ('sent', 'accepted', 'meeting_held') GROUP BY cvr",
          )
        ).rows,
      url,
    );
    const stored = new Map(rows.map((r) => [r.cvr, Number(r.open)]));
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    for (const cvr of [...sent, ...alreadyOpen]) expect(stored.get(cvr)).toBe(1);
    expect(stored.size).toBe(360);
    const total = await admin(
      async (c) => (await c.query("SELECT id FROM handovers")).rowCount,
      url,
    );
    expect(total).toBe(360);
  });
});
