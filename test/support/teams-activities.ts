import { readFileSync } from "node:fs";

/** The tenant the Teams tests allow. */
export const TENANT = "5f2b8c1e-3a7d-4c9b-9e21-7d4a6b0c8f13";
/** The bot's app id in the authenticated tests. */
export const APP_ID = "9a1c4e7b-2d3f-4b8a-a6c5-0e1f2a3b4c5d";

/** A Teams user as an activity names them. */
export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId?: string;
  /** Their 1:1 conversation with the bot. */
  conversationId: string;
}

type Json = Record<string, unknown>;

function reference(name: string): Json {
  const raw = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
  return Object.fromEntries(
    Object.entries(JSON.parse(raw) as Json).filter(([k]) => !k.startsWith("_")),
  );
}

function envelope(base: Json, user: TeamsUser, serviceUrl: string, tenant: string): Json {
  return {
    ...base,
    id: `in-${Math.random().toString(36).slice(2)}`,
    serviceUrl,
    from: {
      id: user.id,
      name: user.name,
      ...(user.aadObjectId && { aadObjectId: user.aadObjectId }),
    },
    recipient: { id: `28:${APP_ID}`, name: "Eksportbro" },
    conversation: { conversationType: "personal", tenantId: tenant, id: user.conversationId },
    channelData: { tenant: { id: tenant } },
  };
}

/** A message activity as Teams sends it (teams-message-activity.json) with this text. */
export function messageActivity(
  user: TeamsUser,
  text: string,
  serviceUrl: string,
  tenant = TENANT,
): Json {
  const base = reference("teams-message-activity.json");
  return { ...envelope(base, user, serviceUrl, tenant), text, attachments: [] };
}

/** An `adaptiveCard/action` invoke (teams-adaptive-card-action-invoke.json) for a clicked button. */
export function invokeActivity(
  user: TeamsUser,
  verb: string,
  data: Json,
  replyToId: string,
  serviceUrl: string,
  tenant = TENANT,
): Json {
  const base = reference("teams-adaptive-card-action-invoke.json");
  return {
    ...envelope(base, user, serviceUrl, tenant),
    replyToId,
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  };
}

/** The Action.Submit fallback: a message whose value carries the verb (Teams mobile). */
export function submitActivity(
  user: TeamsUser,
  verb: string,
  data: Json,
  replyToId: string,
  serviceUrl: string,
): Json {
  const base = reference("teams-message-activity.json");
  const { text: _none, attachments: _noAttachments, ...rest } = base;
  return { ...envelope(rest, user, serviceUrl, TENANT), replyToId, value: { ...data, verb } };
}

/** The bot was added to a person's personal scope. */
export function installActivity(user: TeamsUser, serviceUrl: string, tenant = TENANT): Json {
  return {
    ...envelope({ type: "installationUpdate", channelId: "msteams" }, user, serviceUrl, tenant),
    action: "add",
  };
}
