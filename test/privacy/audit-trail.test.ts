import { describe, expect, it } from "vitest";
import type { Channel } from "../../src/app/channel.js";
import { type AuditEntry, auditCollection } from "../../src/app/privacy/audit-log.js";
import { parseCvr } from "../../src/domain/cvr.js";
import { afterEdit, itemIds, makePlanBot } from "../plans/plan-support.js";
import { makeFullBot } from "../support/bot.js";

const COORDINATOR = "adv-hovedstaden-1";
const NEED = "Vil sælge vindmøllevinger i Polen";
const CONTACT = "Birthe Fortrolig";
const DESCRIPTION = "Drøftede messe i Warszawa";
const REASON = "Ikke eksportparat endnu";
const NOTE = "Ring til dem efter messen i Poznań";
const OWNER = "Hanne Hemmelighed";
const COMMENT = "Udskudt fordi Kirsten Lund er syg";

type Bot = ReturnType<typeof makeFullBot>;

const entries = (bot: { deps: Bot["deps"] }) => bot.deps.store.collection(auditCollection).all();

/** The entries written since `before` entries existed. */
async function since(bot: Bot, before: number): Promise<Partial<AuditEntry>[]> {
  return (await entries(bot)).slice(before).map(({ actorId, channel, action, targets }) => ({
    actorId,
    channel,
    action,
    targets,
  }));
}

/** `who` refers `cvr` through `channel`; returns the new handover's id and holder. */
async function refer(bot: Bot, who: string, cvr: string, channel: Channel) {
  const reply = await bot.act(
    who,
    "handover.request.submit",
    { cvr, need: NEED, contactPerson: CONTACT },
    channel,
  );
  expect(reply.ok).toBe(true);
  const parsed = parseCvr(cvr);
  const h = parsed.ok ? await bot.deps.store.handovers.findOpenByCvr(parsed.cvr) : undefined;
  if (!h) throw new Error(`no open handover for ${cvr}`);
  return { id: h.id, holder: h.assigneeId ?? "" };
}

/** bd-midtjylland-2 sends NOTE to the holder of handover `id` through `channel`. */
const sendNote = (bot: Bot, id: string, channel: Channel) =>
  bot.act("bd-midtjylland-2", "handover.note.submit", { handoverId: id, note: NOTE }, channel);

/** `holder` records a meeting on handover `id`, naming CONTACT and DESCRIPTION, through `channel`. */
function recordMeeting(bot: Bot, holder: string, id: string, channel: Channel) {
  const meeting = {
    handoverId: id,
    meetingDate: "2026-11-27",
    contactPerson: CONTACT,
    description: DESCRIPTION,
    disclosed: "true",
  };
  return bot.act(holder, "handover.meeting.submit", meeting, channel);
}

describe("the audit log of views and changes", () => {
  it("records who viewed and changed a handover, through which channel, with ids only", async () => {
    const bot = makeFullBot();
    let before = (await entries(bot)).length;
    const { id, holder } = await refer(bot, "bd-midtjylland-1", "10150817", "slack");
    const h = `handover:${id}`;
    expect(await since(bot, before)).toEqual([
      { actorId: "bd-midtjylland-1", channel: "slack", action: "create", targets: [h] },
    ]);

    before = (await entries(bot)).length;
    await bot.says(holder, "/mine", "teams");
    await bot.says(COORDINATOR, "/find 10150817", "local");
    await bot.says("bd-midtjylland-2", `/henvis 10150817 ${NEED}`, "teams");
    await bot.act("bd-midtjylland-2", "handover.note", { handoverId: id }, "teams");
    await sendNote(bot, id, "slack");
    await bot.act(holder, "handover.accept", { handoverId: id }, "teams");
    await bot.act(holder, "handover.meeting", { handoverId: id }, "local");
    const met = await recordMeeting(bot, holder, id, "slack");
    expect(met.ok).toBe(true);
    await bot.act(
      holder,
      "handover.close.submit",
      { handoverId: id, outcome: "export_course_started" },
      "teams",
    );
    const [meeting] = await bot.deps.store.meetings.listByHandover(id);
    expect(await since(bot, before)).toEqual([
      { actorId: holder, channel: "teams", action: "view", targets: [h] },
      { actorId: COORDINATOR, channel: "local", action: "view", targets: [h] },
      { actorId: "bd-midtjylland-2", channel: "teams", action: "view", targets: [h] },
      { actorId: "bd-midtjylland-2", channel: "teams", action: "view", targets: [h] },
      { actorId: "bd-midtjylland-2", channel: "slack", action: "note", targets: [h] },
      { actorId: holder, channel: "teams", action: "accept", targets: [h] },
      { actorId: holder, channel: "local", action: "view", targets: [h] },
      {
        actorId: holder,
        channel: "slack",
        action: "meeting",
        targets: [h, `meeting:${meeting?.id}`],
      },
      { actorId: holder, channel: "teams", action: "close", targets: [h] },
    ]);
  });

  it("records declines, passing on and a house's claim as their own actions", async () => {
    const bot = makeFullBot();
    const declined = await refer(bot, "bd-fyn-1", "98785647", "local");
    let before = (await entries(bot)).length;
    await bot.act(
      declined.holder,
      "handover.decline.submit",
      { handoverId: declined.id, reason: REASON },
      "slack",
    );
    const passed = await refer(bot, "bd-midtjylland-1", "10150817", "local");
    await bot.act(
      passed.holder,
      "handover.redirect.submit",
      { handoverId: passed.id, to: "adv-fyn-1" },
      "teams",
    );
    const claimed = await refer(bot, "adv-hovedstaden-2", "41726393", "teams");
    await bot.act("bd-sydjylland-2", "handover.accept", { handoverId: claimed.id }, "local");
    const changes = (await since(bot, before)).filter((e) => e.action !== "create");
    expect(changes).toEqual([
      {
        actorId: declined.holder,
        channel: "slack",
        action: "decline",
        targets: [`handover:${declined.id}`],
      },
      {
        actorId: passed.holder,
        channel: "teams",
        action: "redirect",
        targets: [`handover:${passed.id}`],
      },
      {
        actorId: "bd-sydjylland-2",
        channel: "local",
        action: "claim",
        targets: [`handover:${claimed.id}`],
      },
    ]);

    before = (await entries(bot)).length;
    await bot.says(COORDINATOR, "/indsigt kontakt Birthe Fortrolig", "teams");
    await bot.says(COORDINATOR, `/revision ${passed.id}`, "slack");
    expect((await since(bot, before)).map((e) => [e.actorId, e.channel, e.action])).toEqual([
      [COORDINATOR, "teams", "export"],
      [COORDINATOR, "slack", "audit_list"],
    ]);
    const all = JSON.stringify(await entries(bot));
    for (const content of [NEED, CONTACT, "Birthe", REASON, "Nordlys Maskinfabrik"])
      expect(all).not.toContain(content);
  });

  it("holds no content: no need, contact name, description, reason or note in any entry", async () => {
    const bot = makeFullBot();
    const { id, holder } = await refer(bot, "bd-midtjylland-1", "10150817", "slack");
    await bot.says("bd-midtjylland-2", `/henvis 10150817 ${NEED}`, "teams");
    await sendNote(bot, id, "local");
    await bot.act(holder, "handover.accept", { handoverId: id }, "teams");
    await recordMeeting(bot, holder, id, "teams");
    await bot.says(COORDINATOR, "/find Nordlys", "local");
    const all = await entries(bot);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const text = JSON.stringify(all);
    for (const content of [NEED, CONTACT, "Birthe", DESCRIPTION, NOTE, "Nordlys", "Camilla"])
      expect(text).not.toContain(content);
  });

  it("/revision lists the new entries with their channel, in Danish and in English", async () => {
    const bot = makeFullBot();
    const { id, holder } = await refer(bot, "bd-midtjylland-1", "10150817", "slack");
    await bot.act(holder, "handover.accept", { handoverId: id }, "teams");
    await bot.says(holder, "/mine", "local");
    const danish = await bot.says(COORDINATOR, "/revision 10150817", "teams");
    expect(danish).toContain(`via Slack – henvisning oprettet: handover:${id} (antal poster: 1)`);
    expect(danish).toContain(`via Teams – accepteret: handover:${id} (antal poster: 1)`);
    expect(danish).toContain(`via den lokale chat – visning: handover:${id} (antal poster: 1)`);
    await bot.says("tc-manager", "/sprog en", "local");
    const english = await bot.says("tc-manager", "/audit 10150817", "local");
    expect(english).toContain(`via Slack – handover created: handover:${id} (records: 1)`);
    expect(english).toContain(`via Teams – accepted: handover:${id} (records: 1)`);
    expect(english).toContain(`Camilla Dam Poulsen via the local chat – view: handover:${id}`);
    expect(english).toContain("via Teams – audit log lookup: record:10150817");
  });
});

describe("the audit log of plan and status edits", () => {
  it("records an activity's owner and a status comment as edits, without the text", async () => {
    const bot = makePlanBot();
    const { plan } = await afterEdit(
      bot,
      "mgr-fyn",
      await bot.act(
        "mgr-fyn",
        "plan.activity.submit",
        { house: "Fyn", year: "2026", title: "Eksportdag", owner: OWNER, due: "2026-10-01" },
        "teams",
      ),
    );
    const [activityId] = itemIds(plan);
    const saved = await bot.act(
      "adv-fyn-1",
      "plan.status.item.submit",
      { house: "Fyn", period: "2026H2", itemId: activityId, status: "at_risk", comment: COMMENT },
      "slack",
    );
    expect(saved.ok).toBe(true);
    const all = await entries(bot);
    expect(
      all.map(({ actorId, channel, action, targets }) => ({ actorId, channel, action, targets })),
    ).toEqual([
      { actorId: "mgr-fyn", channel: "teams", action: "plan_edit", targets: ["plan:Fyn:2026"] },
      {
        actorId: "adv-fyn-1",
        channel: "slack",
        action: "status_edit",
        targets: ["status:Fyn:2026H2"],
      },
    ]);
    const text = JSON.stringify(all);
    for (const content of [OWNER, "Hanne", COMMENT, "Kirsten"]) expect(text).not.toContain(content);
  });
});
