import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import JSZip from "jszip";

const DIR = new URL("../manifests/teams/", import.meta.url);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE =
  "Usage: npm run package:teams -- [bot app id] [output zip]; the bot id defaults to MicrosoftAppId, the zip to dist/eksportbro-teams.zip.";

/**
 * Writes the Teams upload package: manifest.json (with the bot's app id filled in) and the two
 * icons at the zip's root, as Teams' "Upload a custom app" expects.
 */
async function main(): Promise<void> {
  const [botArg, outArg] = process.argv.slice(2);
  const botId = botArg ?? process.env.MicrosoftAppId;
  if (!botId || !GUID.test(botId)) {
    console.error(`The bot's app id is missing or not a GUID (${botId ?? "none"}). ${USAGE}`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", DIR), "utf8"));
  for (const bot of manifest.bots) bot.botId = botId;
  const zip = new JSZip();
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of [manifest.icons.color, manifest.icons.outline])
    zip.file(icon, readFileSync(new URL(icon, DIR)));
  const out = resolve(outArg ?? "dist/eksportbro-teams.zip");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  console.log(
    `wrote ${out} (bot ${botId}); upload it in Teams: Apps > Manage your apps > Upload an app.`,
  );
}

await main();
