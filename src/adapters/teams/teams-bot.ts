import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  TeamsActivityHandler,
  TurnContext,
} from "botbuilder";
import type { Logger } from "pino";
import type { Conversation } from "../../app/conversation.js";
import { planReply } from "../../app/reply-plan.js";
import type { PeopleDirectory } from "../../domain/directory.js";
import type { Person } from "../../domain/org.js";
import type { CardOptions } from "../../renderers/adaptive-card.js";
import { renderPlainText } from "../../renderers/plain-text.js";
import { unknownPersonView } from "../../views/unknown-person.js";
import type { View } from "../../views/view.js";
import { CARD_CONTENT_TYPE, cardAttachment, cardMessage } from "./card-message.js";
import type { TeamsAdapter } from "./cloud-adapter.js";
import type { TeamsFiles } from "./file-links.js";
import { identify } from "./identify.js";
import { openPersonalChat } from "./personal-chat.js";
import type { TeamsReferences } from "./references.js";

/** What the Teams handler works with. */
export interface TeamsBotDeps {
  conversation: Conversation;
  directory: PeopleDirectory;
  references: TeamsReferences;
  teams: TeamsAdapter;
  files: TeamsFiles;
  log: Logger;
}

const refusal = unknownPersonView;

/** The text a person typed: the bot's @mention (channels) and HTML spaces removed. */
export function typedText(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? "";
  return text
    .replace(/<at>[^<]*<\/at>/g, " ")
    .replace(/&nbsp;/g, " ")
    .trim();
}

/** The Action.Submit fallback (Teams mobile): a message whose value carries the verb. */
function submitted(value: unknown): { verb: string; data: Record<string, unknown> } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { verb, ...data } = value as Record<string, unknown>;
  return typeof verb === "string" && verb !== "" ? { verb, data } : undefined;
}

/** True in a channel or group chat, where a replaced card changes it for everyone. */
function isShared(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type !== undefined && type !== "personal";
}

/** Teams turns: text commands, card actions (Execute and Submit), installs; each to the core. */
export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === bot)) await this.welcome(context);
      await next();
    });
  }

  private async person(context: TurnContext): Promise<Person | undefined> {
    const person = await identify(context, this.deps.directory);
    if (!person) return undefined;
    const { references, teams, log } = this.deps;
    const type = context.activity.conversation?.conversationType;
    if (type === undefined || type === "personal")
      await references.remember(person, context.activity);
    else
      await openPersonalChat(context, teams, references, person).catch((err: Error) =>
        log.warn({ err: err.message, person: person.id }, "could not open a 1:1 chat in Teams"),
      );
    return person;
  }

  /** Teams sends both an installationUpdate and a conversationUpdate on install: greet once. */
  private async welcome(context: TurnContext): Promise<void> {
    const { conversation } = context.activity;
    if (
      conversation?.conversationType !== undefined &&
      conversation.conversationType !== "personal"
    )
      return;
    const person = await identify(context, this.deps.directory);
    if (!person) return;
    const greeted = (await this.deps.references.get(person.id))?.address === conversation?.id;
    await this.deps.references.remember(person, context.activity);
    if (greeted) return;
    const [welcome] = await this.deps.conversation.welcome(person.id);
    if (welcome) await context.sendActivity(cardMessage(welcome));
  }

  /** A view for this person's card, its files offered the way Teams can. */
  private async prepared(person: Person, view: View): Promise<[View, CardOptions]> {
    const { view: shown, options } = this.deps.files(
      view,
      await this.deps.conversation.localeOf(person.id),
    );
    return [shown, options];
  }

  private async out(person: Person, view: View): Promise<Partial<Activity>> {
    return cardMessage(...(await this.prepared(person, view)));
  }

  private async message(context: TurnContext): Promise<void> {
    const person = await this.person(context);
    if (!person) {
      await context.sendActivity(cardMessage(refusal()));
      return;
    }
    const submit = submitted(context.activity.value);
    if (!submit) {
      const views = await this.deps.conversation.onText(person.id, typedText(context), "teams");
      for (const view of views) await context.sendActivity(await this.out(person, view));
      return;
    }
    const reply = await this.deps.conversation.onAction(
      person.id,
      submit.verb,
      submit.data,
      "teams",
    );
    const plan = planReply(reply, isShared(context));
    const replyToId = context.activity.replyToId;
    if (plan.replace && replyToId)
      await context.updateActivity({ ...(await this.out(person, plan.replace)), id: replyToId });
    else if (plan.replace) await context.sendActivity(await this.out(person, plan.replace));
    for (const view of plan.show) await context.sendActivity(await this.out(person, view));
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const person = await this.person(context);
    if (!person) return notice(refusal());
    const data = { ...(invoke.action.data as Record<string, unknown>) };
    const reply = await this.deps.conversation.onAction(
      person.id,
      invoke.action.verb,
      data,
      "teams",
    );
    const shared = isShared(context);
    const plan = planReply(reply, shared);
    const [answer = { text: [] }, ...after] = plan.replace
      ? [plan.replace, ...plan.show]
      : plan.show;
    if (answer.tone === "error") return notice(answer);
    const replyToId = context.activity.replyToId;
    if (replyToId && shared && plan.replace)
      await context.updateActivity({ ...(await this.out(person, plan.replace)), id: replyToId });
    for (const view of after) await context.sendActivity(await this.out(person, view));
    return {
      statusCode: 200,
      type: CARD_CONTENT_TYPE,
      value: card(...(await this.prepared(person, answer))),
    };
  }
}

/** A refusal shown to the one who clicked, leaving the card as it is for everyone. */
function notice(view: View): AdaptiveCardInvokeResponse {
  const value = renderPlainText(view) as unknown as Record<string, unknown>;
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value };
}

function card(view: View, options: CardOptions): Record<string, unknown> {
  return cardAttachment(view, options).content as Record<string, unknown>;
}
