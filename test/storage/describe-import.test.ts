import { expect, it } from "vitest";
import {
  describeImport,
  type ImportReport,
} from "../../src/adapters/storage/postgres/import-document.js";

const report: ImportReport = {
  handovers: { imported: 2, present: 0 },
  meetings: { imported: 1, present: 0 },
  preferences: { imported: 0, present: 0 },
  collections: {},
};

it("tells the operator when the statistics after an import could not be gathered, and that the data is in", () => {
  const text = describeImport("data.json", { ...report, analyseFailed: "out of disk space" });
  expect(text).toContain("handovers: 2 imported");
  expect(text).toContain(
    "The data is in, but VACUUM (ANALYZE) failed (out of disk space): run it by hand",
  );
  expect(describeImport("data.json", report)).not.toContain("VACUUM");
});
