import { describe, expect, it } from "vitest";
import { fileOf, makePlanBot, parseCsv, plain, textOf, workbookOf } from "./plan-support.js";
import { FORMULA_COMMENT, seedMidtjylland } from "./seed-midtjylland.js";

const rowsOf = (sheet: import("exceljs").Worksheet | undefined) => {
  if (!sheet) throw new Error("no sheet");
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};

describe("/rapport for one house", () => {
  it("shows goals, activities, desk payment and spending, and handover figures on the card", async () => {
    const bot = makePlanBot();
    await seedMidtjylland(bot);
    const [card] = await bot.replies("mgr-midtjylland", "/rapport Midtjylland 2026H2");
    expect(card?.title).toBe("Statusrapport 2026H2 – Erhvervshus Midtjylland");
    const text = plain(card);
    expect(text).toContain("Mål A: Eksportparate virksomheder: 31 af 40 virksomheder · På sporet");
    expect(text).toContain("Mål C: Fælles virksomhedsforløb: 8 af 20 forløb · I risiko");
    expect(text).toContain("Gennemført: 1");
    expect(text).toContain("Ikke besvaret: 1");
    expect(text).toContain("Kontorplads: 50.000 kr. × 2 rådgivere i 2026: 100.000 kr.");
    expect(text).toContain("Forbrug i 2026 indtil nu: 75.000 kr.");
    expect(text).toContain("Uforbrugte midler overføres ikke pr. hus, men i den nationale ramme");
    expect(text).not.toContain("Overføres til");
    expect(text).toContain("Henvisninger EH → TC: 2");
    expect(card?.files?.map((f) => f.name)).toEqual([
      "statusrapport-midtjylland-2026H2.xlsx",
      "statusrapport-midtjylland-2026H2.csv",
      "statusrapport-midtjylland-2026H2.md",
      "statusrapport-midtjylland-2026H2-maal.png",
      "statusrapport-midtjylland-2026H2-henvisninger.png",
    ]);
  });

  it("writes the same numbers cell by cell into the XLSX", async () => {
    const bot = makePlanBot();
    await seedMidtjylland(bot);
    const [card] = await bot.replies("adv-midtjylland-2", "/rapport midtjylland 2026h2");
    const book = await workbookOf(bot.files, fileOf(card, "xlsx").id);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Oversigt",
      "Mål",
      "Aktiviteter",
      "Budget",
      "Henvisninger",
      "Diagram mål",
      "Diagram henvisninger",
    ]);
    expect(rowsOf(book.getWorksheet("Mål"))).toEqual([
      ["Spor", "Mål", "KPI-kategori", "Målsætning", "Enhed", "Fremdrift", "Status", "Kommentar"],
      [
        "A: Eksportforberedelse (EH)",
        "Eksportparate virksomheder",
        undefined,
        40,
        "virksomheder",
        31,
        "På sporet",
      ],
      [
        "C: Fælles internationaliseringsaktiviteter",
        "Fælles virksomhedsforløb",
        "Sammenhængende og fælles virksomhedsforløb",
        20,
        "forløb",
        8,
        "I risiko",
        FORMULA_COMMENT,
      ],
    ]);
    const comment = book.getWorksheet("Mål")?.getCell("H3");
    expect(comment?.type).toBe(3);
    expect(comment?.formula).toBeUndefined();
    expect(rowsOf(book.getWorksheet("Aktiviteter")).slice(1)).toEqual([
      [
        "Eksportdag i Aarhus",
        "Fremmer kendskabet til samarbejdet mellem UM og EH",
        "Karen",
        "2026-05-01",
        140,
        "Gennemført",
      ],
      [
        "Fælles forløb",
        "Optimerer kunderejsen, hvor UM og EH rådgiver sammen",
        "Camilla",
        "2026-12-01",
        undefined,
        "Ikke besvaret",
      ],
    ]);
    expect(rowsOf(book.getWorksheet("Budget"))).toEqual([
      ["Post", "Beløb (kr.)"],
      ["Kontorplads: 50.000 kr. × 2 rådgivere i 2026", 100000],
      ["Forbrug 2026H1", 25000],
      ["Forbrug 2026H2", 50000],
      ["Forbrug i alt", 75000],
    ]);
    expect(rowsOf(book.getWorksheet("Henvisninger"))).toEqual([
      ["Tal", "Antal"],
      ["Henvisninger EH → TC", 2],
      ["Henvisninger TC → EH", 2],
      ["Accepterede henvisninger", 2],
      ["Afholdte møder", 2],
      ["Sambesøg", 1],
    ]);
    const summary = book.getWorksheet("Oversigt");
    expect(summary?.getCell("A1").value).toBe("Statusrapport 2026H2 – Erhvervshus Midtjylland");
    expect(summary?.getCell("B2").value).toBe("Midtjylland");
  });

  it("writes the numbers into a semicolon CSV, quoting and neutralising formulas", async () => {
    const bot = makePlanBot();
    await seedMidtjylland(bot);
    const [card] = await bot.replies("mgr-midtjylland", "/rapport Midtjylland 2026H2");
    const text = await textOf(bot.files, fileOf(card, "csv").id);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("\r\n");
    const rows = parseCsv(text);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const at = (name: string) =>
      rows.findIndex((r) => r[0] === name && r.slice(1).every((c) => c === ""));
    const goals = at("Mål");
    expect(rows[goals + 1]?.slice(0, 8)).toEqual([
      "Spor",
      "Mål",
      "KPI-kategori",
      "Målsætning",
      "Enhed",
      "Fremdrift",
      "Status",
      "Kommentar",
    ]);
    expect(rows[goals + 2]?.slice(3, 7)).toEqual(["40", "virksomheder", "31", "På sporet"]);
    expect(rows[goals + 3]?.[7]).toBe(`'${FORMULA_COMMENT}`);
    expect(text).toContain(`"'=SUM(A1:A9) ""to"" udskudt; afventer"`);
    const budget = at("Budget");
    expect(rows.slice(budget + 2, budget + 6).map((r) => r.slice(0, 2))).toEqual([
      ["Kontorplads: 50.000 kr. × 2 rådgivere i 2026", "100000"],
      ["Forbrug 2026H1", "25000"],
      ["Forbrug 2026H2", "50000"],
      ["Forbrug i alt", "75000"],
    ]);
    const figures = at("Henvisninger");
    expect(rows.slice(figures + 2, figures + 7).map((r) => r[1])).toEqual([
      "2",
      "2",
      "2",
      "2",
      "1",
    ]);

    const md = await textOf(bot.files, fileOf(card, "md").id);
    expect(md).toContain("# Statusrapport 2026H2 – Erhvervshus Midtjylland");
    expect(md).toContain(
      "| A: Eksportforberedelse (EH) | Eksportparate virksomheder |  | 40 | virksomheder | 31 | På sporet |  |",
    );
    expect(md).toContain("| Forbrug i alt | 75000 |");
  });

  it("shows a first-half report without the second half's lines", async () => {
    const bot = makePlanBot();
    await seedMidtjylland(bot);
    const [card] = await bot.replies("mgr-midtjylland", "/rapport Midtjylland 2026H1");
    const book = await workbookOf(bot.files, fileOf(card, "xlsx").id);
    expect(rowsOf(book.getWorksheet("Budget")).slice(1)).toEqual([
      ["Kontorplads: 50.000 kr. × 2 rådgivere i 2026", 100000],
      ["Forbrug 2026H1", 25000],
      ["Forbrug i alt", 25000],
    ]);
    expect(
      rowsOf(book.getWorksheet("Henvisninger"))
        .slice(1)
        .map((r) => r[1]),
    ).toEqual([1, 0, 1, 0, 0]);
  });

  it("refuses the report of another house, and the roll-up to a house manager", async () => {
    const bot = makePlanBot();
    expect(await bot.says("mgr-fyn", "/rapport Midtjylland 2026H2")).toContain(
      "Handlingsplanen, status og rapporten for Erhvervshus Midtjylland er for husets egne folk, koordinatoren og TC's ledelse.",
    );
    expect(await bot.says("bd-midtjylland-1", "/rapport Midtjylland 2026H2")).toBe(
      "Rapporten for Erhvervshus Midtjylland er for husets ledelse og rådgivere, koordinatoren og kontorchefen i TC. Du kan se husets mål og handlingsplan med /handlingsplan Midtjylland.",
    );
    expect(await bot.says("mgr-fyn", "/rapport alle 2026H2")).toContain(
      "Den samlede rapport for alle seks huse er for koordinatoren og kontorchefen i TC.",
    );
    expect(await bot.says("tc-manager", "/rapport Midtjylland 2026H2")).toContain(
      "Statusrapport 2026H2",
    );
  });
});

describe("/rapport alle: the national roll-up", () => {
  it("lists all six houses with totals, in the card and cell by cell in the XLSX and CSV", async () => {
    const bot = makePlanBot();
    await seedMidtjylland(bot);
    const [card] = await bot.replies("adv-hovedstaden-1", "/rapport alle 2026H2");
    expect(card?.title).toBe("Samlet statusrapport 2026H2 – alle erhvervshuse");
    expect(card?.items?.map((i) => i.title)).toEqual([
      "Erhvervshus Hovedstaden",
      "Erhvervshus Sjælland",
      "Erhvervshus Fyn",
      "Erhvervshus Sydjylland",
      "Erhvervshus Midtjylland",
      "Erhvervshus Nordjylland",
    ]);
    const text = plain(card);
    expect(text).toContain("Ramme for indstationeringen 2026: 7.500.000 kr.");
    expect(text).toContain("Overført fra 2025: 7.430.000 kr.");
    expect(text).toContain("Til rådighed i 2026: 14.930.000 kr.");
    expect(text).toContain("Forbrug 2026H2: 50.000 kr.");
    expect(text).toContain("Overføres til 2027: 14.855.000 kr.");
    expect(text).toContain("Kontorplads til husene i alt: 450.000 kr.");
    expect(text).toContain("Mål: 2 mål: 1 på sporet/gennemført, 1 i risiko");

    const book = await workbookOf(bot.files, fileOf(card, "xlsx").id);
    const houses = rowsOf(book.getWorksheet("Huse"));
    expect(houses).toHaveLength(8);
    expect(houses[5]).toEqual(["Midtjylland", 2, 2, 1, 1, 0, 0, 2, 1, 1, 0]);
    expect(houses[1]).toEqual(["Hovedstaden", 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(houses[7]?.slice(0, 2)).toEqual(["I alt", 9]);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Oversigt",
      "Huse",
      "Ramme",
      "Budget",
      "Henvisninger",
      "Mål",
      "Diagram forbrug",
    ]);
    expect(rowsOf(book.getWorksheet("Ramme"))).toEqual([
      ["Post", "Beløb (kr.)"],
      ["Ramme for indstationeringen 2026", 7500000],
      ["Overført fra 2025", 7430000],
      ["Til rådighed i 2026", 14930000],
      ["Forbrug 2026H1", 25000],
      ["Forbrug 2026H2", 50000],
      ["Uforbrugt", 14855000],
      ["Overføres til 2027", 14855000],
    ]);
    const budget = rowsOf(book.getWorksheet("Budget"));
    expect(budget[0]).toEqual([
      "Erhvervshus",
      "Rådgivere",
      "Kontorplads (kr.)",
      "Forbrug H1 (kr.)",
      "Forbrug H2 (kr.)",
      "Forbrug i alt (kr.)",
    ]);
    expect(budget[5]).toEqual(["Midtjylland", 2, 100000, 25000, 50000, 75000]);
    expect(budget[3]).toEqual(["Fyn", 1, 50000, undefined, undefined, 0]);
    expect(budget[7]).toEqual(["I alt", 9, 450000, 25000, 50000, 75000]);
    const figures = rowsOf(book.getWorksheet("Henvisninger"));
    expect(figures[5]).toEqual(["Midtjylland", 2, 2, 2, 2, 1]);
    expect(figures[3]).toEqual(["Fyn", 1, 0, 0, 0, 0]);
    expect(figures[7]).toEqual(["I alt", 3, 2, 2, 2, 1]);

    const csv = parseCsv(await textOf(bot.files, fileOf(card, "csv").id));
    const total = csv.filter((r) => r[0] === "I alt");
    expect(total[1]?.slice(0, 6)).toEqual(["I alt", "9", "450000", "25000", "50000", "75000"]);
    const frame = csv.findIndex((r) => r[0] === "Ramme" && r[1] === "");
    expect(csv.slice(frame + 2, frame + 9).map((r) => r.slice(0, 2))).toContainEqual([
      "Overføres til 2027",
      "14855000",
    ]);
  });
});

describe("in English", () => {
  it("writes the card and the files in the reader's language", async () => {
    const bot = makePlanBot();
    await seedMidtjylland(bot);
    await bot.says("tc-manager", "/sprog en");
    const [card] = await bot.replies("tc-manager", "/report Midtjylland 2026H2");
    expect(card?.title).toBe("Status report 2026H2 – Erhvervshus Midtjylland");
    expect(plain(card)).toContain(
      "Goal A: Eksportparate virksomheder: 31 of 40 virksomheder · On track",
    );
    expect(plain(card)).toContain("Desk: DKK 50,000 × 2 advisors in 2026: DKK 100,000");
    const book = await workbookOf(bot.files, fileOf(card, "xlsx").id);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Summary",
      "Goals",
      "Activities",
      "Budget",
      "Handovers",
      "Chart goals",
      "Chart handovers",
    ]);
    expect(book.getWorksheet("Budget")?.getCell("B5").value).toBe(75000);
  });
});
