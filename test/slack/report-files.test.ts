import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { useSlack } from "./slack-rig.js";
import { type Button, buttonsIn, commandBody, eventually, post, slackId } from "./slack-support.js";

const slack = useSlack();
const manager = slackId("mgr-fyn");
const DM = "D07H2L9QX4M";

/** A signed slash command from the manager; its ephemeral answer (by response_url) is returned. */
async function command(name: string, text: string, trigger: string, channel = DM) {
  const body = new URLSearchParams(commandBody(slack.fake, manager, name, text, trigger));
  body.set("channel_id", channel);
  expect((await post(slack.server, body.toString())).status).toBe(200);
  return () =>
    slack.fake.responses.filter((r) => r.id === trigger).map((r) => JSON.stringify(r.body));
}

const buttonsOf = (text: string | undefined) => buttonsIn(JSON.parse(text ?? "{}").blocks);

describe("Slack: report files are uploaded into the conversation they were asked in", () => {
  it("a house manager's /rapport uploads the XLSX, CSV, Markdown and chart PNGs into the DM, completed there", async () => {
    const plan = await command("/handlingsplan", "Fyn 2026", "t-plan");
    const addGoal = buttonsOf((await eventually(() => plan().at(0))) as string).find(
      (b) => b.action_id === "plan.goal.open",
    ) as Button;
    const message = { channel: DM, ts: "1795766000.000100" };
    await slack.click(manager, addGoal, message, "200.1");
    const modal = await slack.modalOpened("trigger-200.1");
    const answers = {
      track: { type: "static_select", selected_option: { value: "A" } },
      title: { type: "plain_text_input", value: "Eksportparate" },
      target: { type: "plain_text_input", value: "25" },
      unit: { type: "plain_text_input", value: "virksomheder" },
    };
    expect((await slack.submit(manager, modal, answers, "VGOAL1")).status).toBe(200);
    await eventually(() =>
      slack.fake.ok("chat.update").find((c) => JSON.stringify(c.args).includes("Eksportparate")),
    );

    const report = await command("/rapport", "Fyn 2026H2", "t-report");
    const shared = await eventually(() =>
      slack.fake.shared(DM).length === 5 ? slack.fake.shared(DM) : undefined,
    );
    expect(shared.map((f) => f.filename)).toEqual([
      "statusrapport-fyn-2026H2.xlsx",
      "statusrapport-fyn-2026H2.csv",
      "statusrapport-fyn-2026H2.md",
      "statusrapport-fyn-2026H2-maal.png",
      "statusrapport-fyn-2026H2-henvisninger.png",
    ]);
    expect([...(shared[3]?.bytes ?? Buffer.alloc(0)).subarray(0, 4)]).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ]);
    for (const file of shared) expect(file.bytes?.byteLength).toBe(file.length);
    expect(shared[0]?.comment).toBe("Filerne til Statusrapport 2026H2 – Erhvervshus Fyn.");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(shared[0]?.bytes ?? []).buffer);
    expect(book.getWorksheet("Mål")?.getCell("D2").value).toBe(25);
    expect(shared[1]?.bytes?.toString("utf8")).toContain("Eksportparate;;25;virksomheder");
    expect(shared[2]?.bytes?.toString("utf8")).toContain("Eksportparate");
    expect(slack.fake.ok("files.completeUploadExternal")).toHaveLength(1);
    expect(report().join()).toContain("diagrammerne som PNG-billeder");
    expect(report().join()).toContain(":bar_chart: *Mål mod målsætning pr. spor*");
  });

  it("the plan's export button uploads its files into the conversation of the clicked message", async () => {
    const plan = await command("/handlingsplan", "Fyn 2026", "t-plan-2", "C0EXPORT1");
    const exportButton = buttonsOf(await eventually(() => plan().at(0))).find(
      (b) => b.action_id === "plan.export",
    ) as Button;
    const message = { channel: "C0EXPORT1", ts: "1795766100.000100" };
    await slack.click(manager, exportButton, message, "201.1");
    const shared = await eventually(() => {
      const files = slack.fake.shared("C0EXPORT1");
      return files.length === 3 ? files : undefined;
    });
    expect(shared.map((f) => f.filename)).toEqual([
      "handlingsplan-fyn-2026.xlsx",
      "handlingsplan-fyn-2026.csv",
      "handlingsplan-fyn-2026.md",
    ]);
  });

  it("a failed upload tells the person, translated, instead of vanishing", async () => {
    slack.fake.fail("files.completeUploadExternal", { error: "not_in_channel" });
    const inChannel = await command("/rapport", "Fyn 2026H2", "t-not-in", "C0NOTIN01");
    await eventually(() =>
      inChannel().find((r) => r.includes("fordi Eksportbro ikke er med i den")),
    );
    expect(slack.fake.shared("C0NOTIN01")).toEqual([]);

    slack.fake.fail("files.getUploadURLExternal", { status: 500 }, 3);
    const down = await command("/rapport", "Fyn 2026H2", "t-down");
    const told = await eventually(() =>
      down().find((r) => r.includes("kunne ikke uploades til Slack lige nu")),
    );
    expect(told).toContain('"type":"section"');
  });
});
