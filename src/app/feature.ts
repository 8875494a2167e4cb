import type { Person } from "../domain/org.js";
import type { Translator } from "../i18n/index.js";
import type { View } from "../views/view.js";
import type { ActionReply } from "./actions.js";
import type { Channel } from "./channel.js";

/** Who is asking, in their language: what a feature's command or action handler gets. */
export interface Asker {
  person: Person;
  t: Translator;
  /** The chat the request came through, for the audit log. */
  channel: Channel;
}

/** One line of /hjælp (usage, what it does); a shortcut makes it a button on the help card too. */
export interface HelpLine {
  label: string;
  value: string;
  shortcut?: { label: string; command: string };
}

/**
 * A part of the bot that adds commands and actions to the conversation (reminders, action plans),
 * so the core's command table stays closed. Handlers throw DomainError for refusals.
 */
export interface Feature {
  /** Command words (lower case, no slash; Danish and English spellings) and what they do. */
  commands: Record<string, (asker: Asker, args: string) => Promise<View[]>>;
  /** The handler for an action id this feature owns, or undefined. */
  action(
    actionId: string,
  ): ((asker: Asker, data: Record<string, unknown>) => Promise<ActionReply>) | undefined;
  /** The feature's lines in /hjælp for this person: only the commands they may use. */
  help(asker: Pick<Asker, "person" | "t">): HelpLine[];
}
