import { beforeAll, describe, expect, it } from "vitest";
import {
  installActivity,
  invokeActivity,
  messageActivity,
  submitActivity,
  type TeamsUser,
} from "../support/teams-activities.js";
import { advisor, referrer, useTeams } from "./teams-support.js";

type Card = {
  body: unknown[];
  actions?: { verb?: string; data: Record<string, string>; fallback?: { type: string } }[];
  refresh?: {
    action: { type: string; verb: string; data: Record<string, string> };
    userIds: string[];
  };
};

/** bd-3, the other business developer of Midtjylland. */
const colleague: TeamsUser = {
  id: "29:ole",
  name: "Ole Brask",
  aadObjectId: "7d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6",
  conversationId: "a:ole-chat",
};

const teams = useTeams();
const serviceUrl = () => `${teams.connector.url}/amer/tenant/`;
const cardOf = (body: Record<string, unknown> | undefined) =>
  (body?.attachments as { content: Card }[] | undefined)?.[0]?.content;
const verbs = (card: Card | undefined) => (card?.actions ?? []).map((a) => a.verb);

function handoverCardTo(user: TeamsUser) {
  return teams.connector
    .activities(user.conversationId)
    .find((c) => c.method === "POST" && JSON.stringify(c.body).includes("handover.accept"));
}

beforeAll(async () => {
  for (const user of [advisor, referrer, colleague])
    expect((await teams.post(installActivity(user, serviceUrl()))).status).toBe(200);
});

describe("Teams cards that stay true", () => {
  it("a claim through the Action.Submit fallback updates the other card with a PUT, and refresh draws each person's own buttons", async () => {
    await teams.post(messageActivity(advisor, "henvis 10150817 Messe i Hamborg", serviceUrl()));
    await teams.connector.waitFor(() =>
      Boolean(handoverCardTo(referrer) && handoverCardTo(colleague)),
    );
    const other = handoverCardTo(referrer);
    const mine = handoverCardTo(colleague);
    const card = cardOf(mine?.body);
    expect(card?.refresh?.userIds).toEqual([colleague.id]);
    expect(card?.refresh?.action).toMatchObject({ type: "Action.Execute", verb: "handover.show" });
    const accept = card?.actions?.find((a) => a.verb === "handover.accept");
    expect(accept?.fallback?.type).toBe("Action.Submit");

    const claim = submitActivity(
      colleague,
      "handover.accept",
      accept?.data ?? {},
      mine?.id ?? "",
      serviceUrl(),
    );
    expect((await teams.post(claim)).status).toBe(200);

    const path = `/v3/conversations/${encodeURIComponent(referrer.conversationId)}/activities/${other?.id}`;
    await teams.connector.waitFor((calls) =>
      calls.some((c) => c.method === "PUT" && c.path === path),
    );
    const update = teams.connector.calls.find((c) => c.method === "PUT" && c.path === path);
    const updated = cardOf(update?.body);
    expect(update?.body.id).toBe(other?.id);
    expect(verbs(updated)).toEqual([]);
    expect(JSON.stringify(updated?.body)).toContain("Accepteret");
    expect(updated?.refresh?.userIds).toEqual([referrer.id]);

    await teams.connector.waitFor(() =>
      teams.connector
        .activities(referrer.conversationId)
        .some((c) => c.method === "POST" && JSON.stringify(c.body).includes("har overtaget")),
    );
    const notice = teams.connector
      .activities(referrer.conversationId)
      .find((c) => c.method === "POST" && JSON.stringify(c.body).includes("har overtaget"));
    expect(verbs(cardOf(notice?.body))).toEqual(["handover.show"]);

    const { handoverId } = accept?.data ?? {};
    const refresh = async (user: TeamsUser, activityId: string) => {
      const invoke = invokeActivity(
        user,
        "handover.show",
        { handoverId },
        activityId,
        serviceUrl(),
      );
      const value = (invoke.value as Record<string, unknown>) ?? {};
      const res = await teams.post({ ...invoke, value: { ...value, trigger: "automatic" } });
      return ((await res.json()) as { value: Card }).value;
    };
    expect(verbs(await refresh(referrer, other?.id ?? ""))).toEqual([]);
    expect(verbs(await refresh(colleague, mine?.id ?? ""))).toEqual([
      "handover.meeting",
      "handover.redirect",
      "handover.close",
    ]);
  });
});
