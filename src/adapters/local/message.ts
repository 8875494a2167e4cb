import { type AdaptiveCard, renderAdaptiveCard } from "../../renderers/adaptive-card.js";
import { renderPlainText } from "../../renderers/plain-text.js";
import type { FileView, View } from "../../views/view.js";

/** The local API's Message: plain text plus the Adaptive Card the page renders. */
export interface Message {
  text: string;
  card?: AdaptiveCard;
  /** Inbox messages only: position in the inbox and when it arrived. */
  seq?: number;
  at?: string;
}

/** Where the local chat serves a report file. */
export function localFileUrl(file: FileView): string {
  return `/local/files/${encodeURIComponent(file.id)}`;
}

/** A View as a local Message; its files become download links on the card. */
export function toMessage(view: View): Message {
  return { text: renderPlainText(view), card: renderAdaptiveCard(view, { fileUrl: localFileUrl }) };
}
