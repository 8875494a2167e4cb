import type { View } from "../../src/views/view.js";
import { makeFullBot } from "../support/bot.js";

type Bot = ReturnType<typeof makeFullBot>;

const PEOPLE = [
  "bd-fyn-1",
  "adv-fyn-1",
  "mgr-fyn",
  "adv-hovedstaden-1",
  "adv-midtjylland-1",
  "bd-midtjylland-1",
  "mgr-midtjylland",
  "tc-manager",
];

const COMMANDS = [
  "/hjælp",
  "/hvadså",
  "/henvis",
  "/henvis 1234 x",
  "/henvis 10150817 Vil eksportere til Tyskland",
  "/henvis 91750457 Ophørt virksomhed",
  "/henvis 92487598 Konkursramt virksomhed",
  "/henvis 98785647",
  "/mine",
  "/fravær",
  "/tilbage",
  "/handlingsplan",
  "/handlingsplan Fyn 2027",
  "/handlingsplan Midtjylland 2026",
  "/status",
  "/rapport Fyn 2026H2",
  "/rapport alle 2026H2",
  "/statusmøde",
  "/statusmøde 2026-12-10",
  "/statusmøde 2026-01-01",
  "/besøg Fyn",
  "/påmindelser",
  "/sprog en",
  "/hjælp",
  "/sprog da",
];

/** An answer of the right kind for a field, so a form can be submitted whole. */
function sample(field: NonNullable<View["form"]>["fields"][number]): string {
  if (field.value !== undefined) return field.value;
  if (field.kind === "number") return "3";
  if (field.kind === "date") return "2026-12-08";
  if (field.kind === "toggle") return "true";
  if (field.kind === "choice") return field.options?.[0]?.value ?? "";
  return "Kort tekst";
}

function actionsOf(view: View) {
  return [
    ...(view.actions ?? []),
    ...(view.items ?? []).flatMap((i) => i.actions),
    ...(view.form ? [view.form.submit] : []),
  ];
}

/**
 * Every View the bot produces for a handful of people in every role: each command, then every
 * button on every answer (forms submitted empty and filled), breadth first, and every notice sent.
 */
export async function everyView(limit = 1500): Promise<{ bot: Bot; views: View[] }> {
  const bot = makeFullBot();
  const seen = new Map<string, View>();
  const queue: { person: string; view: View }[] = [];
  const keep = (person: string, views: View[]) => {
    for (const view of views) {
      const key = JSON.stringify(view);
      if (seen.has(key)) continue;
      seen.set(key, view);
      queue.push({ person, view });
    }
  };
  for (const text of COMMANDS)
    for (const person of PEOPLE) keep(person, await bot.replies(person, text));
  const pressed = new Set<string>();
  let presses = 0;
  while (queue.length > 0 && presses < limit) {
    const { person, view } = queue.shift() as { person: string; view: View };
    for (const action of actionsOf(view)) {
      const filled = view.form?.submit === action;
      const answers = filled
        ? Object.fromEntries((view.form?.fields ?? []).map((f) => [f.name, sample(f)]))
        : {};
      const tries = filled ? [action.data, { ...action.data, ...answers }] : [action.data];
      for (const data of tries) {
        const key = `${person} ${action.id} ${JSON.stringify(data)}`;
        if (pressed.has(key)) continue;
        pressed.add(key);
        presses++;
        const reply = await bot.act(person, action.id, data);
        keep(person, reply.ok ? reply.replies : [reply.form]);
      }
    }
  }
  for (const text of COMMANDS)
    for (const person of PEOPLE) keep(person, await bot.replies(person, text));
  for (const person of bot.deps.directory.people) keep(person.id, bot.inbox.views(person.id));
  return { bot, views: [...seen.values()] };
}
