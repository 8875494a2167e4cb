import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { commandsInHelp } from "../support/bot.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BOT_ID = "9a1c4e7b-2d3f-4b8a-a6c5-0e1f2a3b4c5d";
const dir = mkdtempSync(join(tmpdir(), "eksportbro-teams-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = execFile(
      "npm",
      ["run", "--silent", "package:teams", "--", ...args],
      { cwd: ROOT, env: { ...process.env, MicrosoftAppId: "", ...env } },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
    child.stdin?.end();
  });
}

/** Width, height and RGBA pixels of a PNG as scripts/png.ts writes it (8-bit RGBA, filter 0). */
function decodePng(png: Buffer) {
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString("ascii", at + 4, at + 8) === "IDAT")
      idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * (width * 4 + 1) + 1 + x * 4;
      pixels.push([...rows.subarray(i, i + 4)]);
    }
  return { width, height, pixels };
}

describe("npm run package:teams", () => {
  it("writes the upload zip: manifest.json and both icons at the root, the bot id filled in", async () => {
    const out = join(dir, "app.zip");
    const { code, stderr } = await run([BOT_ID, out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);

    const manifest = JSON.parse((await zip.file("manifest.json")?.async("string")) ?? "{}");
    expect(manifest.$schema).toMatch(/teams\/v1\.(2[5-9]|[3-9]\d)\/MicrosoftTeams\.schema\.json$/);
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(25);
    for (const field of [
      "version",
      "id",
      "developer",
      "name",
      "description",
      "icons",
      "accentColor",
    ])
      expect(manifest[field], field).toBeDefined();
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    const [bot] = manifest.bots;
    expect(bot.botId).toBe(BOT_ID);
    expect(bot.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    const lists = bot.commandLists as { scopes: string[]; commands: { title: string }[] }[];
    const commands = lists.flatMap((l) => l.commands);
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(["groupChat", "personal", "team"]);
    for (const list of lists) expect(list.commands.length).toBeLessThanOrEqual(10);
    const known = await commandsInHelp();
    for (const { title } of commands) expect(known, title).toContain(title);
    const personal = lists.find((l) => l.scopes.includes("personal"))?.commands ?? [];
    expect(personal.map((c) => c.title)).toEqual(
      expect.arrayContaining(["henvis", "mine", "hjælp", "status", "rapport", "statusmøde"]),
    );
    for (const c of commands as { title: string; description: string }[]) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }

    const color = decodePng(Buffer.from((await zip.file("color.png")?.async("uint8array")) ?? []));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(
      Buffer.from((await zip.file("outline.png")?.async("uint8array")) ?? []),
    );
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const kinds = new Set(outline.pixels.map((p) => p.join(",")));
    expect([...kinds].sort()).toEqual(["0,0,0,0", "255,255,255,255"]);
  });

  it("refuses to package without a bot id", async () => {
    const { code, stderr } = await run([]);
    expect(code).not.toBe(0);
    expect(stderr).toContain("MicrosoftAppId");
  });
});
