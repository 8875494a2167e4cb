import ExcelJS from "exceljs";
import { expect } from "vitest";
import { vegaChartRenderer } from "../../src/adapters/charts/vega-chart-renderer.js";
import { MemoryFileStore } from "../../src/adapters/files/memory-file-store.js";
import { reportWriters } from "../../src/adapters/reports/report-writers.js";
import type { ActionReply } from "../../src/app/actions.js";
import { createPlansFeature } from "../../src/app/plans/plans-feature.js";
import { renderPlainText } from "../../src/renderers/plain-text.js";
import type { View } from "../../src/views/view.js";
import { findAction, makeBot } from "../support/bot.js";

/** The bot with the plans feature over an in-memory file store. */
export function makePlanBot() {
  const files = new MemoryFileStore();
  const bot = makeBot((deps) => [
    createPlansFeature(deps, { files, writers: reportWriters, charts: vegaChartRenderer }),
  ]);
  return { ...bot, files };
}

/** The views of a successful reply, or a test failure naming the errors. */
export function views(reply: ActionReply): View[] {
  if (!reply.ok) throw new Error(`form refused: ${JSON.stringify(reply.errors)}`);
  return reply.replies;
}

/** The field errors of a refused form, or a test failure. */
export function errorsOf(reply: ActionReply): Record<string, string> {
  if (reply.ok) throw new Error("the form was accepted");
  return reply.errors;
}

type Bot = ReturnType<typeof makePlanBot>;

/** Adds a goal through the form as `who`; returns the plan view. */
export async function addGoal(
  bot: Bot,
  who: string,
  house: string,
  year: number,
  goal: { track: string; title: string; kpi?: string; target: string; unit: string },
): Promise<View> {
  const reply = await bot.act(who, "plan.goal.submit", { house, year: String(year), ...goal });
  return (await afterEdit(bot, who, reply)).plan;
}

/** Adds an activity through the form as `who`. */
export async function addActivity(
  bot: Bot,
  who: string,
  house: string,
  year: number,
  activity: {
    title: string;
    awareness?: string;
    customerJourney?: string;
    owner: string;
    due: string;
  },
): Promise<View> {
  const reply = await bot.act(who, "plan.activity.submit", {
    house,
    year: String(year),
    ...activity,
  });
  return (await afterEdit(bot, who, reply)).plan;
}

/**
 * A plan edit's answer is one line and a "Vis plan" button, not the whole plan: checks that, and
 * returns the line and the plan the button shows.
 */
export async function afterEdit(
  bot: Bot,
  who: string,
  reply: ActionReply,
): Promise<{ line: string; plan: View }> {
  const [saved, ...more] = views(reply);
  expect(more).toEqual([]);
  expect(saved?.text).toHaveLength(1);
  expect([saved?.facts, saved?.items, saved?.form]).toEqual([undefined, undefined, undefined]);
  const show = findAction(saved, "plan.show");
  expect(show.label).toBe("Vis plan");
  const plan = views(await bot.act(who, show.id, show.data))[0] as View;
  return { line: saved?.text[0] ?? "", plan };
}

/** The ids of the plan's goals and activities, in the order the plan view lists them. */
export function itemIds(view: View): string[] {
  return (view.items ?? [])
    .flatMap((i) => i.actions.filter((a) => a.id === "plan.item.remove"))
    .map((a) => a.data.itemId as string);
}

/** A saved file's workbook, read back with exceljs. */
export async function workbookOf(files: MemoryFileStore, id: string): Promise<ExcelJS.Workbook> {
  const file = await files.get(id);
  if (!file) throw new Error(`no file ${id}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
  return book;
}

/** A saved text file's content. */
export async function textOf(files: MemoryFileStore, id: string): Promise<string> {
  const file = await files.get(id);
  if (!file) throw new Error(`no file ${id}`);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.bytes);
}

/** Splits RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields. */
export function parseCsv(text: string, separator = ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The file of a view with this extension. */
export function fileOf(view: View | undefined, ext: string) {
  const file = view?.files?.find((f) => f.name.endsWith(`.${ext}`));
  if (!file) throw new Error(`no .${ext} file in ${JSON.stringify(view?.files)}`);
  return file;
}

/** A view as plain text; a missing view fails the test. */
export function plain(view: View | undefined): string {
  if (!view) throw new Error("no view");
  return renderPlainText(view);
}
