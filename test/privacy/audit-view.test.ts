import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";
import { COLLECTIONS } from "../../src/app/collections.js";
import { auditCollection } from "../../src/app/privacy/audit-log.js";
import { translator } from "../../src/i18n/index.js";
import { auditView } from "../../src/views/privacy-views.js";
import { removeTempDirs, tempDir } from "../storage/temp-dir.js";

const at = "2026-11-27T08:00:00.000Z";
const targets = ["handover:hv_1"];

describe("/revision's lines", () => {
  it("name the channel, show the tick's and older entries without one, and give the time in Danish time as the cards do", () => {
    const view = auditView(translator("da"), loadDirectory(), "hv_1", [
      { at, actorId: "adv-hovedstaden-1", action: "export", targets, count: 1 },
      { at, actorId: "system", channel: "system", action: "retention", targets, count: 1 },
      { at, actorId: "adv-midtjylland-1", channel: "teams", action: "close", targets, count: 1 },
    ]);
    expect(view.text).toEqual([
      "27.11.2026 kl. 09.00: Mette Kragh Sørensen – udlevering: handover:hv_1 (antal poster: 1)",
      "27.11.2026 kl. 09.00: Eksportbro – automatisk anonymisering: handover:hv_1 (antal poster: 1)",
      "27.11.2026 kl. 09.00: Camilla Dam Poulsen via Teams – afsluttet: handover:hv_1 (antal poster: 1)",
    ]);
  });
});

describe("a data file from before the channel was recorded", () => {
  afterAll(removeTempDirs);

  it("opens with its audit entries as they were", async () => {
    const file = join(await tempDir(), "eksportbro.json");
    const old = {
      id: "au_1",
      at,
      actorId: "adv-hovedstaden-1",
      action: "erase",
      targets,
      count: 2,
    };
    const document = { schemaVersion: 1, handovers: [], meetings: [], preferences: {} };
    await writeFile(file, JSON.stringify({ ...document, collections: { audit: { au_1: old } } }));
    const store = await openLowdbStore(file, { collections: COLLECTIONS });
    expect(await store.collection(auditCollection).all()).toEqual([old]);
    await store.close();
  });
});
