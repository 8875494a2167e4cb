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
 * A card over Teams' size limit first loses its pictures, last first (each keeps its title,
 * description and numbers); a card still too big goes as shortened plain text.
 */
export function cardMessage(view: View, options: CardOptions = {}): Partial<Activity> {
  const summary = renderPlainText(view).split("\n")[0]?.slice(0, 200) ?? "";
  for (let shown = view; ; shown = withoutLastPicture(shown)) {
    const message: Partial<Activity> = {
      type: "message",
      summary,
      attachments: [cardAttachment(shown, options)],
    };
    if (teamsSizeBytes(message) <= BUDGET_BYTES) return message;
    if (!shown.images?.some((image) => image.url !== "")) break;
  }
  const text = escapeCardText(renderPlainText(view)).slice(0, BUDGET_BYTES / 2 - 1024);
  return { type: "message", textFormat: "plain", text };
}

/** The view with its last picture left out (its description and numbers stay). */
function withoutLastPicture(view: View): View {
  const images = [...(view.images ?? [])];
  const index = images.findLastIndex((image) => image.url !== "");
  const image = images[index];
  if (image) images[index] = { ...image, url: "" };
  return { ...view, images };
}
