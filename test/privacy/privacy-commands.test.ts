import { describe, expect, it } from "vitest";
import { MemoryFileStore } from "../../src/adapters/files/memory-file-store.js";
import { auditCollection } from "../../src/app/privacy/audit-log.js";
import { ERASED } from "../../src/app/privacy/erase-personal-data.js";
import { privacyFeature } from "../../src/app/privacy/privacy-feature.js";
import { findAction, makeBot } from "../support/bot.js";

const COORDINATOR = "adv-hovedstaden-1";
const NEED = "Vil eksportere pumper til Tyskland";
const CONTACT = "Åse Hemmelig, 20 30 40 50";
const DESCRIPTION = "Talte om messe i Hamborg";

async function withMeeting() {
  const files = new MemoryFileStore();
  const bot = makeBot((deps) => [privacyFeature(deps, files)]);
  await bot.act("bd-midtjylland-1", "handover.request.submit", {
    cvr: "10150817",
    need: NEED,
    contactPerson: CONTACT,
  });
  const { handoverId } = findAction(bot.lastNotice("adv-midtjylland-1"), "handover.accept").data;
  const id = String(handoverId);
  await bot.act("adv-midtjylland-1", "handover.accept", { handoverId: id });
  const met = await bot.act("adv-midtjylland-1", "handover.meeting.submit", {
    handoverId: id,
    meetingDate: "2026-11-27",
    contactPerson: CONTACT,
    description: DESCRIPTION,
    disclosed: "true",
  });
  expect(met.ok).toBe(true);
  await files.save({ name: "rapport.csv", mediaType: "text/csv", bytes: new Uint8Array([1]) });
  return { bot, files, id };
}

const auditOf = async (bot: ReturnType<typeof makeBot>) =>
  bot.deps.store.collection(auditCollection).all();

describe("/slet", () => {
  it("is refused to everyone but the coordinator and the TC manager, and changes nothing", async () => {
    const { bot, id } = await withMeeting();
    const before = await auditOf(bot);
    for (const person of ["adv-midtjylland-1", "bd-midtjylland-1", "mgr-midtjylland"]) {
      for (const text of ["/slet 10150817", "/indsigt adv-fyn-1", "/revision 10150817"])
        expect(await bot.says(person, text)).toContain(
          "Det er koordinatoren og kontorchefen i TC, der sletter",
        );
      const pressed = await bot.act(person, "privacy.erase.confirm", {
        kind: "cvr",
        value: "10150817",
      });
      expect(pressed.ok && pressed.replies[0]?.tone).toBe("error");
    }
    expect((await bot.deps.store.handovers.get(id))?.need).toBe(NEED);
    expect(await auditOf(bot)).toEqual(before);
    expect(await bot.says("tc-manager", "/slet 10150817")).toContain("Slet personoplysninger?");
  });

  it("says what will be erased, erases only on confirm, and keeps counts and statuses", async () => {
    const { bot, files, id } = await withMeeting();
    const [confirm] = await bot.replies(COORDINATOR, "/slet 10150817");
    expect(confirm?.facts).toEqual([
      { label: "Gælder", value: "Nordlys Maskinfabrik A/S (CVR 10150817)" },
      { label: "Henvisninger", value: "1" },
      { label: "Mødeaktiviteter", value: "1" },
    ]);
    expect((await bot.deps.store.handovers.get(id))?.need).toBe(NEED);
    const action = findAction(confirm, "privacy.erase.confirm");
    const done = await bot.act(COORDINATOR, action.id, action.data);
    expect(done.ok && done.replies[0]?.text[0]).toContain(
      "Slettet. Henvisninger: 1. Mødeaktiviteter: 1.",
    );
    const h = await bot.deps.store.handovers.get(id);
    expect(h).toMatchObject({
      need: ERASED,
      contactPerson: ERASED,
      status: "meeting_held",
      cvr: "10150817",
    });
    expect(await bot.deps.store.handovers.count()).toBe(1);
    const [record] = await bot.deps.store.meetings.listByHandover(id);
    expect(record).toMatchObject({
      contactPerson: ERASED,
      description: ERASED,
      meetingDate: "2026-11-27",
    });
    expect(record?.disclosedAt).toBeDefined();
    expect(await files.removeOlderThan(new Date(8.64e15))).toBe(0);
    const entry = (await auditOf(bot)).at(-1);
    expect(entry).toMatchObject({ actorId: COORDINATOR, action: "erase", count: 2 });
    expect(JSON.stringify(entry)).not.toMatch(/Hemmelig|pumper|Hamborg/);
  });

  it("lets the coordinator back out of the confirm step, and then erases nothing", async () => {
    const { bot, id } = await withMeeting();
    const [confirm] = await bot.replies(COORDINATOR, "/slet kontakt åse hemmelig");
    expect(confirm?.facts?.[0]).toEqual({ label: "Gælder", value: "åse hemmelig" });
    const cancel = findAction(confirm, "privacy.erase.cancel");
    expect(cancel.label).toBe("Annullér");
    const answer = await bot.act(COORDINATOR, cancel.id, cancel.data);
    expect(answer.ok && answer.replies[0]?.text).toEqual(["Intet er slettet."]);
    expect((await bot.deps.store.handovers.get(id))?.need).toBe(NEED);
    expect((await auditOf(bot)).map((e) => e.action)).not.toContain("erase");
  });

  it("erases a contact person by name and leaves the need that does not name them", async () => {
    const { bot, id } = await withMeeting();
    const [confirm] = await bot.replies(COORDINATOR, "/slet kontakt åse hemmelig");
    const action = findAction(confirm, "privacy.erase.confirm");
    await bot.act(COORDINATOR, action.id, action.data);
    const h = await bot.deps.store.handovers.get(id);
    expect(h).toMatchObject({ need: NEED, contactPerson: ERASED });
    const [record] = await bot.deps.store.meetings.listByHandover(id);
    expect(record).toMatchObject({ contactPerson: ERASED, description: DESCRIPTION });
  });

  it("answers a target it cannot read, or one with nothing to erase, without a confirm button", async () => {
    const { bot } = await withMeeting();
    expect(await bot.says(COORDINATOR, "/slet")).toContain("Skriv fx /slet 10150817");
    expect(await bot.says(COORDINATOR, "/slet kontakt Al")).toContain("mindst 3 tegn");
    expect(await bot.says(COORDINATOR, "/slet 12345674")).toContain("ingen personoplysninger");
  });
});

describe("/revision and /indsigt", () => {
  it("lists who erased and exported, with ids only, and the lookup is itself audited", async () => {
    const { bot, id } = await withMeeting();
    const [confirm] = await bot.replies(COORDINATOR, "/slet 10150817");
    const action = findAction(confirm, "privacy.erase.confirm");
    await bot.act(COORDINATOR, action.id, action.data);
    const listed = await bot.says("tc-manager", "/revision 10150817");
    expect(listed).toContain("Revisionslog for 10150817");
    expect(listed).toContain("(antal poster: 2)");
    expect(listed).toContain(`handover:${id}`);
    expect(await bot.says("tc-manager", `/revision ${id}`)).toContain("sletning");
    const entries = await auditOf(bot);
    expect(entries.map((e) => e.action)).toEqual([
      "create",
      "accept",
      "meeting",
      "erase",
      "audit_list",
      "audit_list",
    ]);
  });

  it("exports everything about a staff member as a JSON file, and audits the export", async () => {
    const { bot, files, id } = await withMeeting();
    const [reply] = await bot.replies(COORDINATOR, "/indsigt adv-midtjylland-1");
    const file = reply?.files?.[0];
    expect(file?.mediaType).toBe("application/json");
    const stored = await files.get(file?.id ?? "");
    const data = JSON.parse(new TextDecoder().decode(stored?.bytes));
    expect(data.directoryEntry.id).toBe("adv-midtjylland-1");
    expect(data.handovers.map((h: { id: string }) => h.id)).toEqual([id]);
    expect(await bot.says(COORDINATOR, "/revision adv-midtjylland-1")).toContain("udlevering");
  });

  it("exports what it holds about a contact person", async () => {
    const { bot, files } = await withMeeting();
    const [reply] = await bot.replies(COORDINATOR, "/indsigt kontakt Åse Hemmelig");
    const stored = await files.get(reply?.files?.[0]?.id ?? "");
    const data = JSON.parse(new TextDecoder().decode(stored?.bytes));
    expect(data.handovers[0].contactPerson).toBe(CONTACT);
    expect(data.meetingRecords[0].description).toBe(DESCRIPTION);
  });
});
