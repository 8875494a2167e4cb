import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  APP_ID,
  installActivity,
  invokeActivity,
  messageActivity,
  submitActivity,
  type TeamsUser,
} from "../support/teams-activities.js";
import { advisor, byMail, referrer, stranger, useTeams } from "./teams-support.js";

type Card = {
  body: { text?: string; facts?: { title: string; value: string }[] }[];
  actions?: Action[];
};
type Action = { verb: string; data: Record<string, string> };

const teams = useTeams();
const cardOf = (body: Record<string, unknown>) =>
  (body.attachments as { contentType: string; content: Card }[] | undefined)?.[0]?.content;
const textOf = (card: Card | undefined) => JSON.stringify(card?.body ?? []);

beforeAll(() => {
  teams.connector.members.set(byMail.id, {
    id: byMail.id,
    name: byMail.name,
    email: "karen.dahl@demo.eksportbro.invalid",
    userPrincipalName: "karen.dahl@demo.eksportbro.invalid",
  });
});

describe("Teams: the bot on /api/messages with a fake Bot Framework connector", () => {
  const serviceUrl = () => `${teams.connector.url}/amer/tenant/`;

  it("greets an advisor who installs the app once, and stores where to reach them", async () => {
    const res = await teams.post(installActivity(advisor, serviceUrl()));
    expect(res.status).toBe(200);
    const { action: _add, ...update } = installActivity(advisor, serviceUrl());
    const membersAdded = [{ id: `28:${APP_ID}` }];
    expect((await teams.post({ ...update, type: "conversationUpdate", membersAdded })).status).toBe(
      200,
    );
    expect(teams.connector.activities(advisor.conversationId)).toHaveLength(1);
    const [welcome] = teams.connector.activities(advisor.conversationId);
    const card = cardOf(welcome?.body ?? {});
    expect(textOf(card)).toContain("Velkommen til Eksportbro, Mette");
    const buttons = JSON.stringify(card?.actions ?? []);
    for (const label of ["Henvis en virksomhed", "Mine henvisninger", "Halvårsstatus"])
      expect(buttons).toContain(label);
    expect(welcome?.headers.authorization).toBe("Bearer bot-token");
  });

  it("refers a company: the referrer's reply and the advisor's card reach the connector", async () => {
    const res = await teams.post(
      messageActivity(
        referrer,
        "<at>Eksportbro</at> henvis 10150817 Vil eksportere til Tyskland",
        serviceUrl(),
      ),
    );
    expect(res.status).toBe(200);
    const reply = teams.connector.activities(referrer.conversationId).at(-1);
    expect(textOf(cardOf(reply?.body ?? {}))).toContain("Sendt til Mette Kragh Sørensen");
    await teams.connector.waitFor(
      () => teams.connector.activities(advisor.conversationId).length >= 2,
    );
    const card = cardOf(teams.connector.activities(advisor.conversationId)[1]?.body ?? {});
    expect(textOf(card)).toContain("Nordlys Maskinfabrik A/S");
    expect(textOf(card)).toContain("Vil eksportere til Tyskland");
    const accept = card?.actions?.find((a) => a.verb === "handover.accept");
    expect(accept?.data.handoverId).toMatch(/^hv_/);
  });

  it("accepts a CVR written with DK and spaces as its 8 digits", async () => {
    await teams.post(messageActivity(referrer, "henvis DK 9412 6967 Værft", serviceUrl()));
    const reply = textOf(
      cardOf(teams.connector.activities(referrer.conversationId).at(-1)?.body ?? {}),
    );
    expect(reply).toContain("Vestkystens Værft ApS");
    expect(reply).toContain("CVR 94126967");
  });

  it("shows the referrer's name literally on the advisor's card (no link, no markup)", async () => {
    const card = cardOf(teams.connector.activities(advisor.conversationId)[1]?.body ?? {});
    const shown = textOf(card);
    expect(shown).not.toContain("[Hansen](https://evil.example)");
    expect(shown.replace(/\u2060/g, "")).toContain(
      "Jens <b>Fed</b> [Hansen](https://evil.example)",
    );
  });

  it("accepts with Action.Execute: the invoke answer replaces the card, the referrer is told once, a second click changes nothing", async () => {
    const card = cardOf(teams.connector.activities(advisor.conversationId)[1]?.body ?? {});
    const accept = card?.actions?.find((a) => a.verb === "handover.accept");
    const before = teams.connector.activities(referrer.conversationId).length;
    const res = await teams.post(
      invokeActivity(advisor, "handover.accept", accept?.data ?? {}, "act-2", serviceUrl()),
    );
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { statusCode: number; type: string; value: Card };
    expect([answer.statusCode, answer.type]).toEqual([
      200,
      "application/vnd.microsoft.card.adaptive",
    ]);
    expect(textOf(answer.value)).toMatch(/accepteret/i);
    expect(answer.value.actions?.some((a) => a.verb === "handover.accept") ?? false).toBe(false);
    await teams.connector.waitFor(
      () => teams.connector.activities(referrer.conversationId).length > before,
    );
    const notice = teams.connector.activities(referrer.conversationId).at(-1);
    expect(textOf(cardOf(notice?.body ?? {}))).toContain("Mette Kragh Sørensen");

    const told = teams.connector.activities(referrer.conversationId).length;
    const again = await teams.post(
      invokeActivity(advisor, "handover.accept", accept?.data ?? {}, "act-2", serviceUrl()),
    );
    const second = (await again.json()) as { value: Card };
    expect(second.value.actions?.some((a) => a.verb === "handover.accept") ?? false).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(teams.connector.activities(referrer.conversationId)).toHaveLength(told);
  });

  it("draws the /henvis form, shows field errors on it, and submits it through the Action.Submit fallback", async () => {
    await teams.post(messageActivity(referrer, "/henvis", serviceUrl()));
    const form = cardOf(teams.connector.activities(referrer.conversationId).at(-1)?.body ?? {});
    const submit = form?.actions?.[0];
    expect(submit?.verb).toBe("handover.request.submit");

    const bad = await teams.post(
      invokeActivity(
        referrer,
        "handover.request.submit",
        { cvr: "1234", need: "" },
        "act-50",
        serviceUrl(),
      ),
    );
    const redrawn = ((await bad.json()) as { value: Card }).value;
    expect(redrawn.actions?.[0]?.verb).toBe("handover.request.submit");
    expect(textOf(redrawn)).toContain("8 cifre");

    const res = await teams.post(
      submitActivity(
        referrer,
        "handover.request.submit",
        { cvr: "41726393", need: "Messe i Hamborg" },
        "act-50",
        serviceUrl(),
      ),
    );
    expect(res.status).toBe(200);
    const update = teams.connector.activities(referrer.conversationId).at(-1);
    expect(update?.method).toBe("PUT");
    expect(update?.path).toMatch(/\/activities\/act-50$/);
    expect(textOf(cardOf(update?.body ?? {}))).toContain("Sendt til");
  });

  it("Decline through Action.Submit in a channel: the card stays for everyone, the form comes as a new message", async () => {
    const declineOf = () =>
      teams.connector
        .activities(advisor.conversationId)
        .map((c) => cardOf(c.body))
        .filter((c) => textOf(c).includes("41726393"))
        .map((c) => c?.actions?.find((a) => a.verb === "handover.decline"))
        .filter((a) => a !== undefined)
        .at(-1);
    await teams.connector.waitFor(() => declineOf() !== undefined);
    const decline = declineOf();
    expect(decline?.data.handoverId).toMatch(/^hv_/);
    const channel = "19:eksport@thread.tacv2;messageid=1795766799999";
    const base = submitActivity(
      advisor,
      "handover.decline",
      decline?.data ?? {},
      "act-shared",
      serviceUrl(),
    );
    const activity = {
      ...base,
      conversation: { ...(base.conversation as object), id: channel, conversationType: "channel" },
      channelData: { ...(base.channelData as object), team: { id: "19:team@thread.tacv2" } },
    };
    expect((await teams.post(activity)).status).toBe(200);
    expect(
      teams.connector.calls.some((c) => c.method === "PUT" && c.path.endsWith("/act-shared")),
    ).toBe(false);
    const sent = teams.connector.activities(channel).at(-1);
    expect(sent?.method).toBe("POST");
    expect(JSON.stringify(cardOf(sent?.body ?? {}))).toContain('"id":"reason"');
  });

  it("answers an @mention in a channel there, and opens a 1:1 chat to notify that person later", async () => {
    const inChannel: TeamsUser = {
      id: "29:ole",
      name: "Ole Brask",
      aadObjectId: "7d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6",
      conversationId: "19:eksport@thread.tacv2;messageid=1795766712345",
    };
    const base = messageActivity(
      inChannel,
      "<at>Eksportbro</at> henvis 98785647 Eksport til Sverige",
      serviceUrl(),
    );
    const activity = {
      ...base,
      conversation: { ...(base.conversation as object), conversationType: "channel" },
      channelData: { ...(base.channelData as object), team: { id: "19:team@thread.tacv2" } },
      entities: [
        {
          type: "mention",
          text: "<at>Eksportbro</at>",
          mentioned: { id: `28:${APP_ID}`, name: "Eksportbro" },
        },
      ],
    };
    expect((await teams.post(activity)).status).toBe(200);
    const reply = teams.connector.activities(inChannel.conversationId).at(-1);
    expect(textOf(cardOf(reply?.body ?? {}))).toContain("Sendt til Mette Kragh Sørensen");
    const created = teams.connector.calls.find(
      (c) => c.method === "POST" && c.path === "/v3/conversations",
    );
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: inChannel.id }] });

    await teams.connector.waitFor(() =>
      teams.connector
        .activities(advisor.conversationId)
        .some((c) => textOf(cardOf(c.body)).includes("98785647")),
    );
    const card = teams.connector
      .activities(advisor.conversationId)
      .map((c) => cardOf(c.body))
      .filter((c) => textOf(c).includes("98785647"))
      .at(-1);
    const accept = card?.actions?.find((a) => a.verb === "handover.accept");
    await teams.post(
      invokeActivity(advisor, "handover.accept", accept?.data ?? {}, "act-9", serviceUrl()),
    );
    await teams.connector.waitFor(() =>
      teams.connector.calls.some(
        (c) =>
          c.method === "POST" &&
          /^\/v3\/conversations\/a%3Acreated-[^/]+\/activities$/.test(c.path),
      ),
    );
  });

  it("finds a person by e-mail through Teams' member lookup, and answers mine", async () => {
    const res = await teams.post(messageActivity(byMail, "mine", serviceUrl()));
    expect(res.status).toBe(200);
    const reply = teams.connector.activities(byMail.conversationId).at(-1);
    expect(reply).toBeDefined();
    expect(textOf(cardOf(reply?.body ?? {}))).not.toContain("står ikke i Eksportbros katalog");
  });

  it("refuses someone not in the directory politely and stores nothing for them", async () => {
    const res = await teams.post(
      messageActivity(stranger, "henvis 10150817 Eksport", serviceUrl()),
    );
    expect(res.status).toBe(200);
    const reply = teams.connector.activities(stranger.conversationId).at(-1);
    expect(textOf(cardOf(reply?.body ?? {}))).toContain("står ikke i Eksportbros katalog");
    const click = await teams.post(
      invokeActivity(stranger, "handover.accept", { handoverId: "hv_x" }, "act-1", serviceUrl()),
    );
    const answer = (await click.json()) as { type: string; value: string };
    expect(answer.type).toBe("application/vnd.microsoft.activity.message");
    expect(answer.value).toContain("står ikke i Eksportbros katalog");
    const dir = dirname(teams.server.dataFile);
    const stored = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
    expect(stored.join("").includes(stranger.conversationId)).toBe(false);
    expect(stored.join("").includes(advisor.conversationId)).toBe(true);
  });
});
