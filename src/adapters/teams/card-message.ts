import type { Activity, Attachment } from "botbuilder";
import {
  type CardOptions,
  escapeCardText,
  renderAdaptiveCard,
} from "../../renderers/adaptive-card.js";
import { renderPlainText } from "../../renderers/plain-text.js";
import type { View } from "../../views/view.js";

/** Teams refuses bot messages over 100 KB, counted as UTF-16 (2 bytes a character); keep a margin. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 100 * 1024;
const BUDGET_BYTES = TEAMS_MESSAGE_LIMIT_BYTES - 4 * 1024;

/** Adaptive Card content type, for attachments and invoke responses. */
export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/** How big Teams counts a payload. */
export function teamsSizeBytes(payload: unknown): number {
  return JSON.stringify(payload).length * 2;
}

/** A View as a Teams card attachment. */
export function cardAttachment(view: View, options: CardOptions = {}): Attachment {
  return { contentType: CARD_CONTENT_TYPE, content: renderAdaptiveCard(view, options) };
}

/**
 * A View as a Teams message: its Adaptive Card, with the plain text as notification summary.
 * A card over Teams' size limit goes as shortened plain text instead of being refused.
 */
export function cardMessage(view: View, options: CardOptions = {}): Partial<Activity> {
  const summary = renderPlainText(view).split("\n")[0]?.slice(0, 200) ?? "";
  const message: Partial<Activity> = {
    type: "message",
    summary,
    attachments: [cardAttachment(view, options)],
  };
  if (teamsSizeBytes(message) <= BUDGET_BYTES) return message;
  const text = escapeCardText(renderPlainText(view)).slice(0, BUDGET_BYTES / 2 - 1024);
  return { type: "message", textFormat: "plain", text };
}
