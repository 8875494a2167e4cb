import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { postJson, useLocalServer } from "../support/local-server.js";

const server = useLocalServer();
const post = (path: string, body: unknown) => postJson(server, path, body);

describe("local JSON API on the real server", () => {
  it("answers /healthz", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect([res.status, await res.json()]).toEqual([200, { status: "ok" }]);
  });

  it("lists the directory", async () => {
    const body = (await (await fetch(`${server.url}/local/people`)).json()) as {
      people: { id: string }[];
    };
    expect(body.people.map((p) => p.id)).toContain("adv-midtjylland-1");
    expect(body.people).toHaveLength(28);
  });

  it("serves the chat page with the adaptivecards renderer", async () => {
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).toContain('<script src="/local/adaptivecards.js">');
    const lib = await fetch(`${server.url}/local/adaptivecards.js`);
    expect(lib.status).toBe(200);
    expect((await lib.text()).length).toBeGreaterThan(100_000);
  });

  it("refers through /local/messages, notifies through the inbox, and answers a card action", async () => {
    const res = await post("/local/messages", {
      from: "bd-fyn-1",
      text: "/henvis 98785647 Eksport til Tyskland",
    });
    const body = (await res.json()) as { replies: { text: string; card: { version: string } }[] };
    expect(res.status).toBe(200);
    expect(body.replies[0]?.text).toContain("Sendt til Line Ravn Jakobsen.");
    expect(body.replies[0]?.card.version).toBe("1.4");

    // Notifications leave through the outbox after the reply, as on a real platform: poll.
    type Inbox = {
      messages: {
        seq: number;
        card: { actions: { verb: string; data: { handoverId: string } }[] };
      }[];
    };
    let inbox: Inbox = { messages: [] };
    for (let i = 0; i < 100 && inbox.messages.length === 0; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 50));
      inbox = (await (await fetch(`${server.url}/local/inbox/adv-fyn-1`)).json()) as Inbox;
    }
    const card = inbox.messages.at(-1)?.card;
    const accept = card?.actions.find((a) => a.verb === "handover.accept");
    expect(accept?.data.handoverId).toMatch(/^hv_/);
    const seen = inbox.messages.at(-1)?.seq ?? 0;
    const newer = (await (
      await fetch(`${server.url}/local/inbox/adv-fyn-1?after=${seen}`)
    ).json()) as { messages: unknown[] };
    expect(newer.messages).toEqual([]);

    const acted = await post("/local/actions", {
      from: "adv-fyn-1",
      action: "handover.accept",
      data: accept?.data,
    });
    expect(acted.status).toBe(200);
    expect(((await acted.json()) as { replies: { text: string }[] }).replies[0]?.text).toMatch(
      /^Accepteret/,
    );
  });

  it("answers 422 with errors per field and the form drawn again", async () => {
    const res = await post("/local/actions", {
      from: "bd-fyn-1",
      action: "handover.request.submit",
      data: { cvr: "123", need: "" },
    });
    const body = (await res.json()) as { errors: Record<string, string>; form: { card: unknown } };
    expect(res.status).toBe(422);
    expect(body.errors).toEqual({
      cvr: "Et CVR-nummer har præcis 8 cifre.",
      need: "Skal udfyldes.",
    });
    expect(JSON.stringify(body.form.card)).toContain(
      '"errorMessage":"Et CVR-nummer har præcis 8 cifre."',
    );
  });

  it.each([
    ["malformed JSON", "{ from: ", 400, "Forespørgslen er ugyldig."],
    ["a body without from", JSON.stringify({ text: "/mine" }), 400, "Forespørgslen er ugyldig."],
    [
      "an unknown person",
      JSON.stringify({ from: "nobody", text: "/mine" }),
      404,
      "Personen findes ikke i kataloget.",
    ],
    [
      "a body over 256 kB",
      JSON.stringify({ from: "bd-fyn-1", text: "x".repeat(300_000) }),
      413,
      "Beskeden er for stor.",
    ],
  ])("refuses %s with %i and a message in Danish", async (_name, raw, status, error) => {
    const res = await fetch(`${server.url}/local/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw,
    });
    expect([res.status, await res.json()]).toEqual([status, { error }]);
  });

  it("answers a known address with the wrong method with a Danish 405", async () => {
    const res = await fetch(`${server.url}/local/messages`);
    expect([res.status, await res.json()]).toEqual([
      405,
      { error: "Den adresse findes, men ikke til den slags forespørgsel (metode)." },
    ]);
  });

  it("answers an unknown address with a Danish 404", async () => {
    const res = await fetch(`${server.url}/no/such/page`);
    expect([res.status, await res.json()]).toEqual([404, { error: "Den adresse findes ikke." }]);
  });

  it("refuses a cross-site form post (not JSON) and stores nothing", async () => {
    const res = await fetch(`${server.url}/local/messages`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "from=bd-midtjylland-1&text=%2Fhenvis+10150817+csrf",
    });
    expect([res.status, await res.json()]).toEqual([
      415,
      { error: "Send JSON (Content-Type: application/json)." },
    ]);
    const mine = await post("/local/messages", { from: "bd-midtjylland-1", text: "/mine" });
    expect(JSON.stringify(await mine.json())).toContain("Du har ingen åbne henvisninger.");
  });

  it("refuses a request for another host name (DNS rebinding)", async () => {
    const { port } = new URL(server.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/local/people",
          headers: { Host: `evil.example:${port}` },
        },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => {
            body += c.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain("adv-midtjylland-1");
  });

  it("says in Danish who is unknown", async () => {
    const res = await fetch(`${server.url}/local/inbox/nobody`);
    expect([res.status, await res.json()]).toEqual([
      404,
      { error: "Personen findes ikke i kataloget." },
    ]);
  });
});
