import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderAdaptiveCard } from "../../src/renderers/adaptive-card.js";
import { renderMessage } from "../../src/renderers/block-kit.js";
import type { View } from "../../src/views/view.js";
import { fileOf, makePlanBot, parseCsv, textOf, workbookOf } from "./plan-support.js";
import { seedMidtjylland } from "./seed-midtjylland.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngInfo(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    signature: [...bytes.subarray(0, 8)],
    chunk: new TextDecoder().decode(bytes.subarray(12, 16)),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
}

async function midtjyllandReport(who = "mgr-midtjylland", command = "/rapport Midtjylland 2026H2") {
  const bot = makePlanBot();
  await seedMidtjylland(bot);
  const [card] = await bot.replies(who, command);
  if (!card) throw new Error("no report card");
  return { bot, card };
}

function imageBytes(card: View, index: number): Uint8Array {
  const url = card.images?.[index]?.url ?? "";
  expect(url).toMatch(/^data:image\/png;base64,/);
  return new Uint8Array(Buffer.from(url.slice(url.indexOf(",") + 1), "base64"));
}

describe("/rapport charts", () => {
  it("draws goals against targets per track and four half-years of handovers, with their numbers as text", async () => {
    const { card } = await midtjyllandReport();
    expect(card.images?.map((i) => i.title)).toEqual([
      "Mål mod målsætning pr. spor",
      "Henvisninger og møder pr. halvår",
    ]);
    const [goals, handovers] = card.images ?? [];
    expect(goals?.facts).toEqual([
      { label: "A", value: "Målsætning: 100 · Opnået: 78" },
      { label: "C", value: "Målsætning: 100 · Opnået: 40" },
    ]);
    expect(goals?.alt).toContain("A: 78 % nået; C: 40 % nået");
    expect(handovers?.facts.map((f) => f.label)).toEqual(["2025H1", "2025H2", "2026H1", "2026H2"]);
    expect(handovers?.facts[2]?.value).toBe("EH → TC: 1 · TC → EH: 0 · Møder holdt: 0");
    expect(handovers?.facts[3]?.value).toBe("EH → TC: 2 · TC → EH: 2 · Møder holdt: 2");
    expect(handovers?.alt).toContain("2026H2: 2 EH → TC, 2 TC → EH, 2 møder");
  });

  it("is a real PNG of sensible size, shown on the Adaptive Card with its alt text", async () => {
    const { card } = await midtjyllandReport();
    const png = imageBytes(card, 0);
    const info = pngInfo(png);
    expect(info.signature).toEqual(PNG_SIGNATURE);
    expect(info.chunk).toBe("IHDR");
    expect(info.width).toBeGreaterThan(400);
    expect(info.width).toBeLessThan(2000);
    expect(info.height).toBeGreaterThan(200);
    expect(info.height).toBeLessThan(1500);
    expect(png.length).toBeGreaterThan(5_000);
    expect(png.length).toBeLessThan(150_000);
    const rendered = JSON.stringify(renderAdaptiveCard(card));
    expect(rendered).toContain('"type":"Image"');
    expect(rendered).toContain(`"altText":${JSON.stringify(card.images?.[0]?.alt)}`);
  });

  it("embeds each chart in the XLSX beside its numbers, and the Markdown links the PNG offered with it", async () => {
    const { bot, card } = await midtjyllandReport();
    const book = await workbookOf(bot.files, fileOf(card, "xlsx").id);
    const sheet = book.getWorksheet("Diagram henvisninger");
    expect(sheet?.getImages()).toHaveLength(1);
    expect(sheet?.getRow(4).values).toEqual([
      undefined,
      "Halvår",
      "EH → TC",
      "TC → EH",
      "Møder holdt",
    ]);
    expect(sheet?.getRow(8).values).toEqual([undefined, "2026H2", 2, 2, 2]);
    const xlsx = await bot.files.get(fileOf(card, "xlsx").id);
    const zip = await JSZip.loadAsync(xlsx?.bytes ?? new Uint8Array());
    const media = Object.keys(zip.files).filter(
      (n) => n.startsWith("xl/media/") && !zip.files[n]?.dir,
    );
    expect(media).toHaveLength(2);
    const embedded = await zip.file(media[0] as string)?.async("uint8array");
    expect([...(embedded ?? new Uint8Array()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    const md = await textOf(bot.files, fileOf(card, "md").id);
    expect(md).toContain("](statusrapport-midtjylland-2026H2-maal.png)");
    expect(md).toContain("![Søjlediagram: for hvert spor målsætningen");
    expect(card.files?.map((f) => f.name)).toContain("statusrapport-midtjylland-2026H2-maal.png");
    const csv = parseCsv(await textOf(bot.files, fileOf(card, "csv").id));
    expect(csv.some((row) => row[0] === "2026H2" && row[1] === "2")).toBe(true);
  });

  it("highlights goals at risk on the card, in red on Teams and with a warning sign in Slack", async () => {
    const { card } = await midtjyllandReport();
    expect(card.alerts).toEqual(["Midtjylland har mål i risiko: Fælles virksomhedsforløb"]);
    expect(JSON.stringify(renderAdaptiveCard(card).body)).toContain('"color":"attention"');
    const slack = JSON.stringify(renderMessage(card).blocks);
    expect(slack).toContain(":warning: Midtjylland har mål i risiko");
    expect(slack).toContain(":bar_chart:");
  });

  it("draws the national roll-up's spending against desk payment, overspending flagged", async () => {
    const bot = makePlanBot();
    await seedMidtjylland(bot);
    const saved = await bot.act("mgr-midtjylland", "plan.status.budget.submit", {
      house: "Midtjylland",
      period: "2026H2",
      spent: "150000",
    });
    expect(saved.ok).toBe(true);
    const [card] = await bot.replies("tc-manager", "/rapport alle 2026H2");
    expect(card?.images?.[0]?.title).toBe("Kontorpladsbetaling og forbrug 2026 pr. hus");
    expect(card?.alerts).toContain(
      "Midtjylland har brugt 175.000 kr., mere end kontorpladsbetalingen på 100.000 kr.",
    );
    expect(card?.alerts?.some((a) => a.startsWith("Fyn: forbruget"))).toBe(false);
    expect(card?.images?.[0]?.facts).toContainEqual({
      label: "Midtjylland",
      value: "Kontorpladsbetaling: 100.000 · Forbrugt: 175.000",
    });
  });
});
