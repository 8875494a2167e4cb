import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { thisProcess } from "../../src/adapters/storage/lock-holder.js";
import { removeTempDirs, tempDir } from "./temp-dir.js";

afterAll(removeTempDirs);

function racer(file: string, startAt: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "test/storage/lock-racer.ts",
      file,
      String(startAt),
    ]);
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("exit", () => resolve(out.trim()));
  });
}

describe("processes starting on one DATA_FILE at the same instant", () => {
  it.each([
    ["no lock", false],
    ["a stale lock", true],
    ["no lock", false],
    ["a stale lock", true],
  ])(
    "with %s, exactly one of four gets it",
    async (_name, stale) => {
      const file = join(await tempDir(), "eksportbro.json");
      if (stale)
        await writeFile(`${file}.lock`, JSON.stringify({ ...thisProcess(), pid: 999_999 }));
      const startAt = Date.now() + 1500;
      const results = await Promise.all([1, 2, 3, 4].map(() => racer(file, startAt)));
      expect(results.filter((r) => r === "got")).toHaveLength(1);
      expect(
        results.filter((r) => r.startsWith("refused Another Eksportbro process")),
      ).toHaveLength(3);
    },
    30_000,
  );
});
