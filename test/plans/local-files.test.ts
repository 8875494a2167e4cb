import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { postJson, useLocalServer } from "../support/local-server.js";

const server = useLocalServer();
const post = async (path: string, body: unknown) => {
  const res = await postJson(server, path, body);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

type Card = { actions?: { type: string; title: string; url?: string }[] };

describe("report files in the local chat", () => {
  it("links the report's files on the card and serves them at /local/files/:id", async () => {
    const goal = await post("/local/actions", {
      from: "mgr-fyn",
      action: "plan.goal.submit",
      data: {
        house: "Fyn",
        year: "2026",
        track: "A",
        title: "Eksportparate",
        target: "25",
        unit: "virksomheder",
      },
    });
    expect(goal.status).toBe(200);
    const bad = await post("/local/actions", {
      from: "mgr-fyn",
      action: "plan.goal.submit",
      data: {
        house: "Fyn",
        year: "2026",
        track: "A",
        title: "Uden tal",
        target: "mange",
        unit: "stk",
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual({ target: "Skriv et helt tal, fx 12 eller 25.000." });

    const report = await post("/local/messages", { from: "mgr-fyn", text: "/rapport Fyn 2026H2" });
    const replies = report.json.replies as { text: string; card: Card }[];
    const links = (replies[0]?.card.actions ?? []).filter((a) => a.type === "Action.OpenUrl");
    expect(links.map((l) => l.title)).toEqual([
      "statusrapport-fyn-2026H2.xlsx",
      "statusrapport-fyn-2026H2.csv",
      "statusrapport-fyn-2026H2.md",
      "statusrapport-fyn-2026H2-maal.png",
      "statusrapport-fyn-2026H2-henvisninger.png",
    ]);
    expect(links[0]?.url).toMatch(/^\/local\/files\/fil_[0-9a-f]{32}$/);

    const xlsx = await fetch(`${server.url}${links[0]?.url}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.headers.get("content-disposition")).toContain(
      'attachment; filename="statusrapport-fyn-2026H2.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.getWorksheet("Mål")?.getCell("D2").value).toBe(25);

    const csv = await fetch(`${server.url}${links[1]?.url}`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("Eksportparate;;25;virksomheder");
  });

  it("answers an unknown file id with a translated 404", async () => {
    const res = await fetch(`${server.url}/local/files/fil_${"0".repeat(32)}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: "Filen findes ikke (længere). Bed om rapporten igen.",
    });
    expect((await fetch(`${server.url}/local/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
