import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postJson } from "../support/local-server.js";
import { type RunningServer, removeServerDirs, startServer } from "../support/start-server.js";

const NAME = "Åse Hemmeligsen";
const PHONE = "20 31 42 53";
const NEED = "Vil sælge vindmøllevinger til Chile";
const DESCRIPTION = "Gennemgik Chile-markedet";

interface Reply {
  text: string;
  card?: { actions?: { verb?: string; data?: Record<string, unknown> }[] };
}

function client(server: RunningServer) {
  const post = async (path: string, body: unknown) => {
    const res = await postJson(server, path, body);
    expect(res.status).toBe(200);
    return ((await res.json()) as { replies: Reply[] }).replies;
  };
  return {
    says: (from: string, text: string) => post("/local/messages", { from, text }),
    act: (from: string, action: string, data: Record<string, unknown>) =>
      post("/local/actions", { from, action, data }),
    async inboxAction(person: string, verb: string) {
      for (let i = 0; i < 200; i++) {
        const res = await fetch(`${server.url}/local/inbox/${person}`);
        const { messages } = (await res.json()) as { messages: Reply[] };
        const action = messages.flatMap((m) => m.card?.actions ?? []).find((a) => a.verb === verb);
        if (action?.data) return action.data;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ${verb} in ${person}'s inbox`);
    },
  };
}

function everythingOnDisk(dataFile: string): string {
  const dir = dirname(dataFile);
  const files = join(dir, "files");
  const paths = [
    dataFile,
    `${dataFile}.journal`,
    `${dataFile}.tmp`,
    ...(existsSync(files) ? readdirSync(files).map((f) => join(files, f)) : []),
  ];
  return paths
    .filter(existsSync)
    .map((p) => readFileSync(p, "latin1") + readFileSync(p, "utf8"))
    .join("\n");
}

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  removeServerDirs();
});

describe("erasure on the real server", () => {
  it("leaves no trace of the name, phone, need or description in the data file, journal, files or log after a restart", async () => {
    server = await startServer({ LOG_LEVEL: "debug" });
    const bot = client(server);
    const sent = await bot.act("bd-midtjylland-1", "handover.request.submit", {
      cvr: "10150817",
      need: NEED,
      contactPerson: `${NAME}, ${PHONE}`,
    });
    expect(sent[0]?.text).toContain("Henvisning sendt");
    const { handoverId } = await bot.inboxAction("adv-midtjylland-1", "handover.accept");
    await bot.act("adv-midtjylland-1", "handover.accept", { handoverId });
    const met = await bot.act("adv-midtjylland-1", "handover.meeting.submit", {
      handoverId,
      meetingDate: new Date().toISOString().slice(0, 10),
      contactPerson: `${NAME}, ${PHONE}`,
      description: DESCRIPTION,
      disclosed: "true",
    });
    expect(met[0]?.text).not.toMatch(/fejl|ikke/i);
    await bot.says("tc-manager", "/rapport alle 2026H2");
    const before = everythingOnDisk(server.dataFile);
    for (const secret of [NAME, NEED, DESCRIPTION]) expect(before).toContain(secret);

    const [confirm] = await bot.says("adv-hovedstaden-1", "/slet 10150817");
    const erase = confirm?.card?.actions?.find((a) => a.verb === "privacy.erase.confirm");
    expect(erase?.data).toMatchObject({ kind: "cvr", value: "10150817" });
    const [done] = await bot.act("adv-hovedstaden-1", "privacy.erase.confirm", erase?.data ?? {});
    expect(done?.text).toContain("Slettet. Henvisninger: 1. Mødeaktiviteter: 1.");
    const whileRunning = everythingOnDisk(server.dataFile);
    for (const secret of [NAME, PHONE, NEED, DESCRIPTION])
      expect(whileRunning).not.toContain(secret);
    await server.stop();
    const firstLog = server.output();

    server = await startServer({ LOG_LEVEL: "debug", DATA_FILE: server.dataFile });
    const mine = await client(server).says("bd-midtjylland-1", "/mine");
    expect(JSON.stringify(mine)).toContain("[slettet]");
    await server.stop();
    const after = [
      everythingOnDisk(server.dataFile),
      firstLog.stdout,
      firstLog.stderr,
      server.output().stdout,
      server.output().stderr,
    ].join("\n");
    for (const secret of [
      NAME,
      "Hemmeligsen",
      PHONE,
      "20314253",
      NEED,
      "vindmøllevinger",
      DESCRIPTION,
    ])
      expect(after).not.toContain(secret);
  }, 60_000);
});
