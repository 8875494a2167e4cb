import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));
const STATIC_IMPORT = /^import\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gms;

/** Packages a module loads at start: its static (not type-only, not dynamic) imports, followed. */
function staticPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      if (!spec) continue;
      if (spec.startsWith(".")) visit(join(dirname(file), spec.replace(/\.js$/, ".ts")));
      else if (!spec.startsWith("node:")) packages.add(spec);
    }
  };
  visit(join(SRC, entry));
  return packages;
}

describe("pg is loaded only for DATABASE_URL", () => {
  it("is not among the packages the default start loads, though the PostgreSQL store needs it", () => {
    expect(staticPackages("adapters/storage/postgres/postgres-store.ts")).toContain("pg");
    expect(staticPackages("main.ts")).not.toContain("pg");
    expect(staticPackages("main.ts")).toContain("lowdb");
  });
});
