import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { mountLocalApi } from "../../src/adapters/local/local-api.js";
import { emptyDocument } from "../../src/adapters/storage/data-schema.js";
import { storeOver } from "../../src/adapters/storage/store-over.js";
import { StoreState } from "../../src/adapters/storage/store-state.js";
import { createConversation } from "../../src/app/conversation.js";
import { createHttpServer } from "../../src/server.js";
import { makeBot } from "../support/bot.js";

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

describe("when the disk fails", () => {
  it("the user is told the handover was not carried out, in Danish, with a 500 and no notification", async () => {
    const bot = makeBot();
    bot.deps.store = storeOver(new StoreState(emptyDocument()), {
      commit: () => Promise.reject(new Error("EIO: disk full")),
      close: async () => {},
      isClosed: () => false,
    });
    const server = createHttpServer(pino({ level: "silent" }));
    mountLocalApi(
      server,
      createConversation(bot.deps),
      bot.deps.directory,
      bot.inbox,
      pino({ level: "silent" }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/local/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "bd-midtjylland-1", text: "/henvis 10150817 Eksport" }),
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error:
        "Noget gik galt hos Eksportbro, og din handling blev ikke gennemført. Prøv igen om lidt.",
    });
    expect(bot.notices("adv-midtjylland-1")).toEqual([]);
  });
});
