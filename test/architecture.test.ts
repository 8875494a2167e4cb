import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CORE = ["domain", "app", "forms", "views", "i18n", "ports", "reports"];
const PLATFORM =
  /(?:from\s+|import\(\s*)["'](botbuilder[^"']*|@slack\/[^"']*|restify[^"']*|lowdb[^"']*|node-cron|steno|@microsoft\/[^"']*|pino|exceljs|node:(fs|http|https|net|child_process)[^"']*)["']/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("architecture (DESIGN.md rules 1 and 5)", () => {
  const core = CORE.flatMap((d) => files(join("src", d)));

  it("finds the core files", () => {
    expect(core.length).toBeGreaterThan(20);
    expect(core).toContain(join("src", "reports", "csv.ts"));
  });

  it("counts exceljs as a platform package", () => {
    expect('import ExcelJS from "exceljs";').toMatch(PLATFORM);
  });

  it.each(core)("%s imports no platform package and no adapter", (file) => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(PLATFORM);
    expect(text).not.toMatch(/from\s+["'][./]+\/adapters\//);
  });

  it.each(core)("%s reads no clock and no environment", (file) => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/new Date\(\s*\)|new Date\b(?!\()|\bDate\.now\b|process\.env/);
  });

  it("only src/config reads process.env", () => {
    const readers = files("src").filter((f) => readFileSync(f, "utf8").includes("process.env"));
    expect(readers.every((f) => f.startsWith(join("src", "config")))).toBe(true);
  });
});
