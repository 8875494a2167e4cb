import { parseCvr } from "../domain/cvr.js";
import { DomainError } from "../domain/errors.js";
import type { Locale, Person } from "../domain/org.js";
import { NEED_MAX } from "../forms/handover-form.js";
import { freeTextProblem, withoutHiddenMarks } from "../forms/text-hygiene.js";
import { plural, type Translator, translator } from "../i18n/index.js";
import { errorView } from "../views/common-views.js";
import {
  foundHandoversView,
  handoverFormCard,
  MINE_MAX,
  myHandoversView,
} from "../views/request-views.js";
import type { View } from "../views/view.js";
import { type ActionReply, handleAction } from "./actions.js";
import type { Channel } from "./channel.js";
import type { Deps } from "./deps.js";
import type { Asker, Feature } from "./feature.js";
import { findHandovers } from "./find-handovers.js";
import { helpFor, welcomeFor } from "./help.js";
import { listMyHandovers } from "./list-my-handovers.js";
import { localeOf, translatorFor } from "./people.js";
import { recordViews } from "./privacy/audit-log.js";
import { reportAbsence } from "./report-absence.js";
import { reportReturn } from "./report-return.js";
import { setLanguage } from "./set-language.js";
import { submitHandover } from "./submit-handover.js";

/**
 * The bot's core, shared by every channel: text in, views out; actions in, views or field errors
 * out. Each adapter names its channel, which the audit log records.
 */
export interface Conversation {
  onText(personId: string, text: string, channel: Channel): Promise<View[]>;
  onAction(
    personId: string,
    actionId: string,
    data: Record<string, unknown>,
    channel: Channel,
  ): Promise<ActionReply>;
  /** The language the bot uses with a person (Danish for someone unknown). */
  localeOf(personId: string): Promise<Locale>;
  /** The welcome card on a person's first contact (app installed, first visit); nothing after that. */
  welcome(personId: string): Promise<View[]>;
}

const COMMANDS: Record<string, "henvis" | "mine" | "find" | "help" | "sprog" | "away" | "back"> = {
  fravær: "away",
  fravaer: "away",
  away: "away",
  absent: "away",
  tilbage: "back",
  back: "back",
  henvis: "henvis",
  refer: "henvis",
  mine: "mine",
  my: "mine",
  find: "find",
  søg: "find",
  soeg: "find",
  hjælp: "help",
  hjaelp: "help",
  help: "help",
  "?": "help",
  sprog: "sprog",
  language: "sprog",
};

/** Builds the conversation core over its dependencies, with the features that add commands. */
export function createConversation(deps: Deps, features: Feature[] = []): Conversation {
  const conversation: Conversation = {
    async onText(personId, text, channel) {
      const person = deps.directory.get(personId);
      if (!person) return [errorView(translator(), new DomainError("PERSON.UNKNOWN"))];
      const t = await translatorFor(deps, person);
      try {
        return await runCommand({ ...deps, channel }, features, { person, t, channel }, text);
      } catch (error) {
        if (error instanceof DomainError) return [errorView(t, error)];
        throw error;
      }
    },
    async onAction(personId, actionId, data, channel) {
      if (actionId === "welcome.show")
        return { ok: true, replies: await conversation.welcome(personId) };
      if (actionId === "help.run" && typeof data.command === "string")
        return {
          ok: true,
          replies: await conversation.onText(personId, `/${data.command}`, channel),
        };
      return handleAction({ ...deps, channel }, personId, actionId, data, features);
    },
    async welcome(personId) {
      const person = deps.directory.get(personId);
      if (!person || (await deps.store.preferences.get(personId))?.welcomedAt) return [];
      await deps.store.preferences.update(personId, {
        welcomedAt: deps.clock.now().toISOString(),
      });
      return [welcomeFor(person, await translatorFor(deps, person), features)];
    },
    localeOf: async (personId) => {
      const person = deps.directory.get(personId);
      return person ? localeOf(deps, person) : "da";
    },
  };
  return conversation;
}

async function runCommand(
  deps: Deps,
  features: Feature[],
  asker: Asker,
  text: string,
): Promise<View[]> {
  const { person, t } = asker;
  const [word = "", ...rest] = text.trim().replace(/^\//, "").split(/\s+/);
  const command = COMMANDS[word.toLowerCase()];
  const args = rest.join(" ").trim();
  if (command === "henvis") return henvis(deps, person, t, args);
  if (command === "mine") {
    const all = /^(alle|all)$/i.test(args);
    const list = await listMyHandovers(deps, person.id, all);
    await recordViews(deps, person.id, list.slice(0, MINE_MAX));
    return [myHandoversView(t, deps.directory, list, person, all)];
  }
  if (command === "find") {
    const found = await findHandovers(deps, person.id, args);
    await recordViews(deps, person.id, found.slice(0, MINE_MAX));
    return [foundHandoversView(t, deps.directory, found, person, args)];
  }
  if (command === "sprog") return sprog(deps, person, t, args);
  if (command === "away") {
    const { already, open } = await reportAbsence(deps, person.id);
    const first = t(already ? "presence.already_absent" : "presence.absent");
    return [
      { tone: "success", text: [first, ...(open > 0 ? [plural(t, "presence.open", open)] : [])] },
    ];
  }
  if (command === "back") {
    await reportReturn(deps, person.id);
    return [{ tone: "success", text: [t("presence.back")] }];
  }
  const featureCommand = command
    ? undefined
    : features.find((f) => Object.hasOwn(f.commands, word.toLowerCase()))?.commands[
        word.toLowerCase()
      ];
  if (featureCommand) return featureCommand(asker, args);
  if (command === "help" || word === "") return [helpFor(person, t, features)];
  const unknown = t("help.unknown", { command: text.trim().split(/\s+/)[0]?.slice(0, 40) ?? "" });
  return [helpFor(person, t, features, unknown)];
}

/** The CVR part of `/henvis` arguments: the first word, or up to four if they spell 8 digits ("DK 10 15 08 17"). */
function splitCvr(args: string): { cvrText: string; need: string } {
  const words = args.split(/\s+/);
  for (let n = 4; n > 1; n--) {
    const candidate = words.slice(0, n).join(" ");
    if (
      candidate
        .replace(/^(dk|cvr)/i, "")
        .replace(/[\s.:-]/g, "")
        .match(/^\d{8}$/)
    ) {
      return { cvrText: candidate, need: words.slice(n).join(" ") };
    }
  }
  return { cvrText: words[0] ?? "", need: words.slice(1).join(" ") };
}

async function henvis(deps: Deps, person: Person, t: Translator, args: string): Promise<View[]> {
  if (args === "") return [handoverFormCard(t, {})];
  const { cvrText, need } = splitCvr(withoutHiddenMarks(args).trim());
  const parsed = parseCvr(cvrText);
  if (!parsed.ok) {
    const reason = t(`error.${parsed.code}`);
    return [{ tone: "error", text: [reason, t("request.usage")] }];
  }
  if (need === "")
    return [handoverFormCard(t, { cvr: parsed.cvr }, { need: "request.need_missing" })];
  if (need.length > NEED_MAX)
    return [
      handoverFormCard(
        t,
        { cvr: parsed.cvr, need: need.slice(0, NEED_MAX) },
        { need: { key: "form.too_long", params: { max: NEED_MAX } } },
      ),
    ];
  const problem = freeTextProblem(need);
  if (problem) return [handoverFormCard(t, { cvr: parsed.cvr, need }, { need: problem })];
  return submitHandover(deps, person, t, { cvr: parsed.cvr, need });
}

async function sprog(deps: Deps, person: Person, t: Translator, args: string): Promise<View[]> {
  const locale = args.toLowerCase();
  if (locale !== "da" && locale !== "en") return [{ tone: "error", text: [t("language.usage")] }];
  await setLanguage(deps, person.id, locale);
  return [{ tone: "success", text: [(await translatorFor(deps, person))("language.set")] }];
}
