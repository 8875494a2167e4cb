import { describe, expect, it } from "vitest";
import { installActivity, invokeActivity, messageActivity } from "../support/teams-activities.js";
import { advisor, referrer, useTeams } from "./teams-support.js";

type Card = { body: unknown[]; actions?: { verb: string; data: Record<string, string> }[] };

const teams = useTeams();
const cardOf = (body: Record<string, unknown> | undefined) =>
  (body?.attachments as { content: Card }[] | undefined)?.[0]?.content;

describe("the audit log in Teams", () => {
  it("records a message and a card action through Teams as coming from Teams", async () => {
    const serviceUrl = `${teams.connector.url}/amer/tenant/`;
    await teams.post(installActivity(advisor, serviceUrl));
    await teams.post(messageActivity(referrer, "henvis 10150817 Eksport til Tyskland", serviceUrl));
    await teams.connector.waitFor(
      () => teams.connector.activities(advisor.conversationId).length >= 2,
    );
    const card = cardOf(teams.connector.activities(advisor.conversationId)[1]?.body);
    const accept = card?.actions?.find((a) => a.verb === "handover.accept");
    const accepted = await teams.post(
      invokeActivity(advisor, "handover.accept", accept?.data ?? {}, "audit-1", serviceUrl),
    );
    expect(accepted.status).toBe(200);

    await teams.post(messageActivity(advisor, "/revision 10150817", serviceUrl));
    const listed = JSON.stringify(
      cardOf(teams.connector.activities(advisor.conversationId).at(-1)?.body),
    );
    expect(listed).toContain("via Teams – henvisning oprettet: handover:");
    expect(listed).toContain("via Teams – accepteret: handover:");
    expect(listed).not.toContain("via Slack");
  });
});
