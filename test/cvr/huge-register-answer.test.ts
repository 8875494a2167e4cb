import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cvrapiSample, type FakeCvrServer, startFakeCvrapi } from "../fakes/fake-cvr-servers.js";
import { postJson, useLocalServer } from "../support/local-server.js";

let register: FakeCvrServer;
beforeAll(async () => {
  register = await startFakeCvrapi();
});
afterAll(() => register?.close());
const server = useLocalServer(() => ({
  CVR_SOURCE: "cvrapi",
  CVRAPI_URL: register.url,
  CVRAPI_USER_AGENT: "Test - Eksportbro - test@example.invalid",
}));

async function refer(cvr: string): Promise<string> {
  const res = await postJson(server, "/local/messages", {
    from: "bd-fyn-1",
    text: `/henvis ${cvr} Eksport til Tyskland`,
  });
  const body = (await res.json()) as { replies: { text: string }[] };
  return body.replies.map((r) => r.text).join("\n");
}

describe("a CVR register that answers absurdly large (the running bot, cvrapi.dk faked)", () => {
  it("an endless company name: the handover goes out as 'ikke verificeret', the bot reads 1 MB at most", async () => {
    register.answer("endless");
    const reply = await refer("41726393");
    expect(reply).toContain("CVR 41726393 (ikke verificeret)");
    expect(reply).toContain("Sendt til");
    expect(register.streamed).toBeLessThan(64 * 1024 * 1024);
  });

  it("a 2,000-character name in a small answer is not stored or shown either", async () => {
    register.answer({
      status: 200,
      body: { ...cvrapiSample(), vat: 10150817, name: "N".repeat(2000) },
    });
    const reply = await refer("10150817");
    expect(reply).toContain("CVR 10150817 (ikke verificeret)");
    expect(reply).not.toContain("NNNNNNNNNN");
  });
});
