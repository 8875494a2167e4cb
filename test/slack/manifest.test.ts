import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { commandsInHelp, makeFullBot } from "../support/bot.js";

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(new URL("../../manifests/slack/manifest.yaml", import.meta.url), "utf8"),
) as Manifest;

const slackSource = (dir = "src/adapters/slack"): string =>
  readdirSync(dir, { withFileTypes: true })
    .map((e) =>
      e.isDirectory() ? slackSource(join(dir, e.name)) : readFileSync(join(dir, e.name), "utf8"),
    )
    .join("\n");

/** Slack's own slash commands: an app that declares one risks "invalid name" for its whole list. */
const SLACK_BUILT_INS = [
  "active",
  "away",
  "archive",
  "call",
  "collapse",
  "dm",
  "dnd",
  "expand",
  "feed",
  "feedback",
  "giphy",
  "invite",
  "join",
  "leave",
  "me",
  "msg",
  "mute",
  "open",
  "prefs",
  "remind",
  "rename",
  "search",
  "shortcuts",
  "shrug",
  "status",
  "topic",
  "who",
];

/** Why each bot scope is needed: the Web API call or feature in the code that uses it. */
const SCOPE_USES: Record<string, RegExp> = {
  commands: /app\.command\(/,
  "chat:write": /chat\.(postMessage|update)\(/,
  "files:write": /filesUploadV2\(/,
  "users:read": /users\.info\(/,
  "users:read.email": /profile\?\.email/,
};

describe("the Slack app manifest matches the code", () => {
  it("sends slash commands, interactivity and events to /slack/events over HTTP, not Socket Mode", () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(url).toBe("https://<your-host>/slack/events");
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.features.bot_user.display_name).toBe("eksportbro");
  });

  it("every slash command is one the bot understands, with the user's text unescaped", async () => {
    const bot = makeFullBot();
    for (const { command, should_escape } of manifest.features.slash_commands) {
      expect(command).toMatch(/^\/[a-z]+$/);
      expect(should_escape).toBe(false);
      const reply = await bot.says("adv-fyn-1", command.slice(1));
      expect(reply, command).not.toContain("Jeg kender ikke");
    }
    const names = manifest.features.slash_commands.map((c) => c.command);
    expect(names).toEqual(expect.arrayContaining(["/henvis", "/mine", "/hjaelp"]));
  });

  it("has a slash command for every command /hjælp shows anyone (æ, ø, å spelled ae, oe, aa)", async () => {
    const ascii = (word: string) =>
      word.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
    const names = manifest.features.slash_commands.map((c) => c.command.slice(1)).sort();
    const inHelp = (await commandsInHelp()).map(ascii);
    expect(inHelp.length).toBeGreaterThanOrEqual(12);
    expect(names).toEqual(inHelp.filter((name) => !SLACK_BUILT_INS.includes(name)));
  });

  it("declares none of Slack's built-in commands; /status is /halvaarsstatus in Slack", async () => {
    const names = manifest.features.slash_commands.map((c) => c.command.slice(1));
    for (const name of names) expect(SLACK_BUILT_INS, name).not.toContain(name);
    expect(names).toContain("halvaarsstatus");
    const bot = makeFullBot();
    expect(await bot.says("adv-fyn-1", "/halvaarsstatus")).toEqual(
      await bot.says("adv-fyn-1", "/status"),
    );
  });

  it("subscribes to the one event the bot handles and turns on the Home tab", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened"]);
    expect(slackSource()).toContain('app.event("app_home_opened"');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it("asks for no scope the code does not use", () => {
    const source = slackSource();
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(Object.keys(SCOPE_USES).sort());
    for (const [scope, use] of Object.entries(SCOPE_USES)) expect(source, scope).toMatch(use);
  });
});

describe("the Slack app manifest passes Slack's own schema (slackapi/manifest-schema v0.5.0)", () => {
  const schemas = "../fixtures/schemas/";
  const read = (name: string) =>
    JSON.parse(readFileSync(new URL(`${schemas}${name}`, import.meta.url), "utf8")) as object;
  const raw = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/";

  it("validates, and a manifest Slack would refuse does not", () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    for (const version of ["1.0.0", "2.0.0"])
      ajv.addSchema(
        read(`manifest.schema.${version}.json`),
        `${raw}manifest.schema.${version}.json`,
      );
    const validate = ajv.compile(read("slack-app-manifest.schema.json"));
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(manifest) as unknown as Record<string, Record<string, unknown>>;
    (broken.features as Record<string, unknown>).bot_user = { display_name: "x".repeat(90) };
    expect(validate(broken)).toBe(false);
  });
});
