import { describe, expect, it } from "vitest";
import type { Feature } from "../../src/app/feature.js";
import { DomainError } from "../../src/domain/errors.js";
import { makeBot } from "../support/bot.js";

/** A small feature, as reminders and action plans plug in. */
const echo: Feature = {
  commands: {
    ekko: async ({ person }, args) => [{ text: [`${person.name}: ${args}`] }],
    fejl: async () => {
      throw new DomainError("HANDOVER.NOT_FOUND");
    },
  },
  action: (id) =>
    id === "echo.press"
      ? async ({ t }, data) => ({
          ok: true,
          replies: [{ text: [t("form.submit"), String(data.n)] }],
        })
      : undefined,
  help: () => [{ label: "/ekko tekst", value: "Gentager teksten." }],
};

describe("features add commands, actions and help", () => {
  it("runs a feature's command with its arguments, in the asker's name", async () => {
    const bot = makeBot(() => [echo]);
    expect(await bot.says("bd-fyn-1", "/ekko hej med dig")).toContain(": hej med dig");
  });

  it("translates a feature's domain refusal like the core's", async () => {
    const bot = makeBot(() => [echo]);
    expect(await bot.says("bd-fyn-1", "/fejl")).toContain("Henvisningen findes ikke.");
  });

  it("routes a feature's action, and lists its commands in help and for unknown commands", async () => {
    const bot = makeBot(() => [echo]);
    const reply = await bot.act("bd-fyn-1", "echo.press", { n: 7 });
    expect(reply.ok && reply.replies[0]?.text).toEqual(["Send", "7"]);
    expect(await bot.says("bd-fyn-1", "/hjælp")).toContain("/ekko tekst");
    expect(await bot.says("bd-fyn-1", "/nonsens")).toContain("/ekko tekst");
    const unknownAction = await bot.act("bd-fyn-1", "nothing.here", {});
    expect(unknownAction.ok && unknownAction.replies[0]?.facts?.map((f) => f.label)).toContain(
      "/ekko tekst",
    );
  });

  it("does not let a feature shadow a core command", async () => {
    const shadow: Feature = { ...echo, commands: { mine: async () => [{ text: ["shadow"] }] } };
    const bot = makeBot(() => [shadow]);
    expect(await bot.says("bd-fyn-1", "/mine")).not.toContain("shadow");
  });
});
