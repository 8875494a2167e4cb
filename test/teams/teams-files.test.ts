import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import {
  freePort,
  type RunningServer,
  removeServerDirs,
  startServer,
} from "../support/start-server.js";
import {
  APP_ID,
  messageActivity,
  submitActivity,
  type TeamsUser,
} from "../support/teams-activities.js";

const ORG_FILE = new URL("../fixtures/teams-directory.json", import.meta.url).pathname;
const coordinator: TeamsUser = {
  id: "29:advisor",
  name: "Mette Kragh Sørensen",
  aadObjectId: "C3E5A7B9-1D2F-4A6C-8E0B-2F4D6A8C0E1B",
  conversationId: "a:coordinator-chat",
};

type Card = {
  body: { text?: string }[];
  actions?: { type: string; title?: string; url?: string }[];
};

let connector: FakeBotConnector;
const servers: RunningServer[] = [];

async function startTeams(env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startServer({
    ORG_FILE,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: "hemmelig",
    ALLOWED_TENANTS: "5f2b8c1e-3a7d-4c9b-9e21-7d4a6b0c8f13",
    TEAMS_SERVICE_URL_HOSTS: "127.0.0.1",
    ToBotFromChannelOpenIdMetadataUrl: `${connector.url}/openid`,
    ToChannelFromBotLoginUrl: `${connector.url}/botframework.com`,
    ...env,
  });
  servers.push(server);
  return server;
}

async function post(server: RunningServer, activity: Record<string, unknown>): Promise<void> {
  const token = connector.token({ appId: APP_ID, serviceUrl: String(activity.serviceUrl) });
  const res = await fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
  });
  expect(res.status).toBe(200);
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
    const server = await startTeams({ PORT: port, PUBLIC_URL: publicUrl });
    const card = await reportCard(server, coordinator);
    const links = (card?.actions ?? []).filter((a) => a.type === "Action.OpenUrl");
    expect(links.map((l) => l.title)).toEqual([
      "statusrapport-midtjylland-2026H2.xlsx",
      "statusrapport-midtjylland-2026H2.csv",
      "statusrapport-midtjylland-2026H2.md",
    ]);
    for (const link of links) expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/fil_/);
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

    const unknown = await fetch(`${publicUrl}/files/fil_${"0".repeat(32)}`);
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
