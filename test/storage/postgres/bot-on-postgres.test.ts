import { afterAll, beforeAll, expect, it } from "vitest";
import { type PgServer, startPgServer } from "../../support/pg-server.js";
import { admin, describePg } from "../../support/postgres.js";
import { type RunningServer, removeServerDirs, startServer } from "../../support/start-server.js";

interface Reply {
  text: string;
  card?: unknown;
}

async function say(bot: RunningServer, from: string, text: string) {
  const res = await fetch(`${bot.url}/local/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, text }),
  });
  const body = (await res.json()) as { replies?: Reply[]; error?: string };
  return { status: res.status, text: JSON.stringify(body) };
}

const openFor = (url: string, cvr: string) =>
  admin(
    async (c) =>
      (
        await c.query(
          "SELECT id FROM handovers WHERE cvr = $1 AND status IN ('sent', 'accepted', 'meeting_held')",
          [cvr],
        )
      ).rowCount,
    url,
  );

describePg("The bot on PostgreSQL (DATABASE_URL)", { timeout: 180_000 }, () => {
  let db: PgServer;
  const bots: RunningServer[] = [];
  beforeAll(async () => {
    db = await startPgServer();
  });
  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    removeServerDirs();
    await db?.destroy();
  });

  it("refers a company, keeps it across a restart of the bot (a new DATA_FILE), and refuses a second referral of that CVR", async () => {
    const first = await startServer({ DATABASE_URL: db.url });
    bots.push(first);
    const sent = await say(first, "bd-fyn-1", "/henvis 98785647 Eksport til Tyskland");
    expect(sent.status).toBe(200);
    expect(sent.text).toContain("Sendt til Line Ravn Jakobsen.");
    expect(await openFor(db.url, "98785647")).toBe(1);
    await first.stop();

    const second = await startServer({ DATABASE_URL: db.url });
    bots.push(second);
    const again = await say(second, "bd-fyn-1", "/henvis 98785647 Eksport igen");
    expect(again.text).toContain("har allerede en åben henvisning hos Line Ravn Jakobsen");
    expect(await openFor(db.url, "98785647")).toBe(1);
  });

  it("answers with a clear error while the database is down and works again once it is back, without a restart", async () => {
    const bot = await startServer({ DATABASE_URL: db.url });
    bots.push(bot);
    await db.stop();
    const down = await say(bot, "bd-fyn-1", "/henvis 10150817 Eksport til Norge");
    await db.start();
    expect(down.status).toBe(500);
    expect(down.text).toContain("din handling blev ikke gennemført. Prøv igen om lidt.");
    const back = await say(bot, "bd-fyn-1", "/henvis 10150817 Eksport til Norge");
    expect(back.status).toBe(200);
    expect(back.text).toContain("Sendt til");
    expect(await openFor(db.url, "10150817")).toBe(1);
    expect(bot.child.exitCode).toBeNull();
  });
});
