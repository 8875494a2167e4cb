import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_LINK_TTL_MS, FileLinkSigner } from "../../src/adapters/files/signed-links.js";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import {
  freePort,
  type RunningServer,
  removeServerDirs,
  startServer,
} from "../support/start-server.js";
import { messageActivity, submitActivity, type TeamsUser } from "../support/teams-activities.js";
import { advisor, postActivity, teamsEnv } from "./teams-support.js";

const SECRET = "s".repeat(40);
const coordinator: TeamsUser = { ...advisor, conversationId: "a:coordinator-chat" };

type Card = {
  body: { text?: string }[];
  actions?: { type: string; title?: string; url?: string }[];
};

let connector: FakeBotConnector;
const servers: RunningServer[] = [];

async function startTeams(env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startServer(teamsEnv(connector, env));
  servers.push(server);
  return server;
}

async function post(server: RunningServer, activity: Record<string, unknown>): Promise<void> {
  expect((await postActivity(connector, server, activity)).status).toBe(200);
}

/** The coordinator adds a goal (the card's Action.Submit) and then types the report command. */
async function reportCard(server: RunningServer, user: TeamsUser): Promise<Card | undefined> {
  const serviceUrl = `${connector.url}/amer/tenant/`;
  const goal = {
    house: "Midtjylland",
    year: "2026",
    track: "A",
    title: "Eksportparate",
    target: "25",
    unit: "virksomheder",
  };
  await post(server, submitActivity(user, "plan.goal.submit", goal, "card-1", serviceUrl));
  await post(server, messageActivity(user, "rapport Midtjylland 2026H2", serviceUrl));
  const reply = connector.activities(user.conversationId).at(-1)?.body;
  return (reply?.attachments as { content: Card }[] | undefined)?.[0]?.content;
}

beforeAll(async () => {
  connector = await startFakeBotConnector();
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await connector?.close();
  removeServerDirs();
});

describe("Teams: report files as download links under PUBLIC_URL", () => {
  it("puts an Action.OpenUrl per file on the report card, and the link downloads the XLSX", async () => {
    const port = String(await freePort());
    const publicUrl = `http://127.0.0.1:${port}`;
    const server = await startTeams({
      PORT: port,
      PUBLIC_URL: publicUrl,
      FILE_LINK_SECRET: SECRET,
    });
    const card = await reportCard(server, coordinator);
    const links = (card?.actions ?? []).filter((a) => a.type === "Action.OpenUrl");
    expect(links.map((l) => l.title)).toEqual([
      "statusrapport-midtjylland-2026H2.xlsx",
      "statusrapport-midtjylland-2026H2.csv",
      "statusrapport-midtjylland-2026H2.md",
      "statusrapport-midtjylland-2026H2-maal.png",
      "statusrapport-midtjylland-2026H2-henvisninger.png",
    ]);
    const body = JSON.stringify(card?.body);
    expect(body).toContain("Søjlediagram");
    for (const link of links)
      expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/fil_\w+\?exp=\d+&sig=[\w-]+$/);
    expect(JSON.stringify(card?.body)).not.toContain("PUBLIC_URL");

    const xlsx = await fetch(String(links[0]?.url));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain(
      'filename="statusrapport-midtjylland-2026H2.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.getWorksheet("Mål")?.getCell("D2").value).toBe(25);
    const csv = await (await fetch(String(links[1]?.url))).text();
    expect(csv).toContain("Eksportparate;;25;virksomheder");

    const bare = String(links[0]?.url).split("?")[0] as string;
    const id = bare.split("/").at(-1) as string;
    const expired = new FileLinkSigner(SECRET, () => Date.now() - FILE_LINK_TTL_MS - 60_000);
    for (const url of [bare, `${bare}?${expired.query(id)}`, `${bare}?exp=9999999999&sig=x`]) {
      const refused = await fetch(url);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        error:
          "Linket til filen er udløbet eller ugyldigt. Bed om rapporten igen for at få et nyt link.",
      });
    }

    const unknownId = `fil_${"0".repeat(32)}`;
    const signer = new FileLinkSigner(SECRET);
    const unknown = await fetch(`${publicUrl}/files/${unknownId}?${signer.query(unknownId)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: "Filen findes ikke (længere). Bed om rapporten igen.",
    });
  });

  it("without PUBLIC_URL the card offers no links and says plainly why", async () => {
    const server = await startTeams();
    const card = await reportCard(server, { ...coordinator, conversationId: "a:no-url-chat" });
    expect(card?.actions?.filter((a) => a.type === "Action.OpenUrl") ?? []).toEqual([]);
    const text = JSON.stringify(card?.body).replace(/\u2060/g, "");
    expect(text).toContain("Filerne kan ikke hentes her i Teams");
    expect(text).toContain("PUBLIC_URL er ikke sat");
    expect(text).not.toContain("vedhæftet");
    expect((await fetch(`${server.url}/files/fil_${"0".repeat(32)}`)).status).toBe(404);
  });
});
