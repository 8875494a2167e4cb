// Compiles src/ to dist/ with tsc and copies what tsc does not (JSON data read at run time, the
// local chat's static files), so `npm start` runs plain Node without the tsx loader (~36 MB).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";

// Everything but the Teams upload package (npm run package:teams writes it into dist/ too).
for (const name of existsSync("dist") ? readdirSync("dist") : [])
  if (!name.endsWith(".zip")) rmSync(join("dist", name), { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
  stdio: "inherit",
});
const copy = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copy(path);
    else if (!name.endsWith(".ts")) cpSync(path, join("dist", relative("src", path)));
  }
};
copy("src");
