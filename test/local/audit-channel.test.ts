import { describe, expect, it } from "vitest";
import { postJson, useLocalServer } from "../support/local-server.js";

const server = useLocalServer();
const post = async (path: string, body: unknown) => {
  const res = await postJson(server, path, body);
  expect(res.status).toBe(200);
  return (await res.json()) as { replies: { text: string }[] };
};

type Inbox = { messages: { card?: { actions?: { verb: string; data: object }[] } }[] };

async function acceptButton(personId: string) {
  for (let i = 0; i < 100; i++) {
    const inbox = (await (await fetch(`${server.url}/local/inbox/${personId}`)).json()) as Inbox;
    const accept = inbox.messages
      .flatMap((m) => m.card?.actions ?? [])
      .find((a) => a.verb === "handover.accept");
    if (accept) return accept.data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no accept button reached ${personId}`);
}

describe("the audit log in the local chat", () => {
  it("records a message and an action through the local API as coming from the local chat", async () => {
    await post("/local/messages", { from: "bd-fyn-1", text: "/henvis 98785647 Eksport" });
    const data = await acceptButton("adv-fyn-1");
    await post("/local/actions", { from: "adv-fyn-1", action: "handover.accept", data });

    const listed = await post("/local/messages", {
      from: "adv-hovedstaden-1",
      text: "/revision 98785647",
    });
    const text = listed.replies.map((r) => r.text).join("\n");
    expect(text).toContain("via den lokale chat – henvisning oprettet: handover:");
    expect(text).toContain("via den lokale chat – accepteret: handover:");
    expect(text).not.toMatch(/via (Slack|Teams)/);
  });
});
