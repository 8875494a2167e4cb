import type { ActionView, FieldView, ImageView, View } from "../views/view.js";
import { renderPlainText } from "./plain-text.js";

/** A Block Kit block as JSON. */
export type Block = Record<string, unknown> & { type: string };

/** Block Kit's sizes (shared/reference/limits.md); the renderer never exceeds them. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  field: 2000,
  fieldsPerSection: 10,
  header: 150,
  actionsPerBlock: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  label: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 75,
  options: 100,
  inputLength: 3000,
  modalTitle: 24,
  privateMetadata: 3000,
  messageText: 4000,
} as const;

const TONE_ICON = {
  info: "",
  success: ":white_check_mark: ",
  warning: ":warning: ",
  error: ":x: ",
};

/**
 * Keeps a View's text literal in mrkdwn: `<!channel>`, `<@U123>` and `<url|x>` are escaped, and a
 * word joiner (U+2060, invisible) on each side of `*`, `_`, `~` and a backtick stops them opening
 * or closing bold, italics, strike or code (as escapeCardText does on Adaptive Cards).
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[*_~`]/g, (c) => `\u2060${c}\u2060`);
}

/** Cuts text to `max` characters with an ellipsis, never inside an entity or a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text
    .slice(0, max - 1)
    .replace(/&[a-z]{0,4}$/, "")
    .replace(/[\uD800-\uDBFF]$/, "");
  return `${cut}…`;
}

const plain = (text: string, max: number) => ({ type: "plain_text", text: clip(text, max) || " " });
const md = (text: string, max = LIMITS.text) => ({
  type: "mrkdwn",
  text: clip(escapeMrkdwn(text), max) || " ",
  verbatim: true,
});
const bold = (text: string) => `*${text}*`;

function factFields(facts: { label: string; value: string }[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < facts.length; i += LIMITS.fieldsPerSection) {
    const fields = facts.slice(i, i + LIMITS.fieldsPerSection).map((f) => {
      const text = `${bold(escapeMrkdwn(f.label))}\n${escapeMrkdwn(f.value)}`;
      return { type: "mrkdwn", text: clip(text, LIMITS.field), verbatim: true };
    });
    blocks.push({ type: "section", fields });
  }
  return blocks;
}

/** A button whose value is its data as JSON; Slack sends both back in block_actions. */
export function button(action: ActionView): Block {
  const value = JSON.stringify(action.data);
  if (value.length > LIMITS.buttonValue) throw new Error(`button ${action.id}: value too long`);
  const rendered: Block = {
    type: "button",
    action_id: action.id.slice(0, LIMITS.actionId),
    text: plain(action.label, LIMITS.buttonText),
    value,
  };
  if (action.style) rendered.style = action.style;
  return rendered;
}

function actionBlocks(actions: ActionView[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < actions.length; i += LIMITS.actionsPerBlock)
    blocks.push({
      type: "actions",
      elements: actions.slice(i, i + LIMITS.actionsPerBlock).map(button),
    });
  return blocks;
}

/** The blocks of a View's message part (everything but the form), in reading order. */
function contentBlocks(view: View, titleAsHeader: boolean): Block[] {
  const blocks: Block[] = [];
  const icon = TONE_ICON[view.tone ?? "info"];
  if (view.title && titleAsHeader)
    blocks.push({
      type: "header",
      text: plain(`${icon.trim()} ${view.title}`.trim(), LIMITS.header),
    });
  const lead = !view.title || !titleAsHeader ? icon : "";
  view.text.forEach((paragraph, i) => {
    const text = md(paragraph);
    if (i === 0 && lead) text.text = clip(`${lead}${text.text}`, LIMITS.text);
    blocks.push({ type: "section", text });
  });
  for (const alert of view.alerts ?? [])
    blocks.push({ type: "section", text: { ...md(alert), text: `:warning: ${md(alert).text}` } });
  if (view.facts?.length) blocks.push(...factFields(view.facts));
  for (const item of view.items ?? []) blocks.push(...itemBlocks(item));
  for (const image of view.images ?? []) blocks.push(...imageBlocks(image));
  return blocks;
}

/**
 * A chart: an image block when Slack can fetch its URL; a data: URI it cannot, so then its title
 * and description stand in (the PNG itself is uploaded with the report's files). Its numbers
 * follow as fields either way.
 */
function imageBlocks(image: ImageView): Block[] {
  const head: Block = image.url.startsWith("https://")
    ? {
        type: "image",
        image_url: image.url,
        alt_text: clip(image.alt, LIMITS.text),
        title: plain(image.title, LIMITS.header),
      }
    : {
        type: "section",
        text: {
          type: "mrkdwn",
          text: clip(
            `:bar_chart: ${bold(escapeMrkdwn(image.title))}\n${escapeMrkdwn(image.alt)}`,
            LIMITS.text,
          ),
          verbatim: true,
        },
      };
  return [head, ...factFields(image.facts)];
}

/** One list item in as few blocks as it takes: its title with its facts, and a lone button beside them. */
function itemBlocks(item: NonNullable<View["items"]>[number]): Block[] {
  const [first, ...more] = factFields(item.facts);
  const title = clip(bold(escapeMrkdwn(item.title)), LIMITS.text);
  const section: Block = { type: "section", text: { type: "mrkdwn", text: title, verbatim: true } };
  if (first) section.fields = first.fields;
  const [only] = item.actions;
  if (only && item.actions.length === 1) section.accessory = button(only);
  const buttons = item.actions.length > 1 ? actionBlocks(item.actions) : [];
  return [section, ...more, ...buttons];
}

/**
 * Keeps a surface inside its block count, cutting the body and always keeping `tail` (the final
 * buttons, a form's inputs); the cut is marked so nothing vanishes silently.
 */
function capBlocks(blocks: Block[], max: number, tail: Block[] = []): Block[] {
  if (blocks.length + tail.length <= max) return [...blocks, ...tail];
  const kept = tail.slice(0, max - 1);
  const marker: Block = { type: "context", elements: [plain("…", 10)] };
  return [...blocks.slice(0, max - 1 - kept.length), marker, ...kept];
}

/** A Slack message: fallback text for notifications plus the blocks (at most 50). */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Renders a View as a message; a form becomes its submit button, as forms live in modals. */
export function renderMessage(view: View): SlackMessage {
  const blocks = contentBlocks(view, true);
  const errors = (view.form?.fields ?? []).filter((f) => f.error);
  for (const f of errors)
    blocks.push({ type: "context", elements: [md(`${f.label}: ${f.error}`)] });
  const actions = [...(view.form ? [view.form.submit] : []), ...(view.actions ?? [])];
  return {
    text: clip(escapeMrkdwn(renderPlainText(view)), LIMITS.messageText) || " ",
    blocks: capBlocks(blocks, LIMITS.messageBlocks, actionBlocks(actions)),
  };
}

/** A number is typed as text ("1.500" the Danish way) and checked by the core, errors on the field. */
function element(field: FieldView): Block {
  const base: Block = { type: "plain_text_input", action_id: "value" };
  if (field.placeholder) base.placeholder = plain(field.placeholder, LIMITS.placeholder);
  if (field.kind === "choice") {
    const options = (field.options ?? []).slice(0, LIMITS.options).map((o) => ({
      text: plain(o.label, LIMITS.optionText),
      value: o.value.slice(0, LIMITS.optionValue),
    }));
    const select: Block = { ...base, type: "static_select", options };
    const initial = options.find((o) => o.value === field.value);
    if (initial) select.initial_option = initial;
    return select;
  }
  if (field.kind === "toggle") {
    const tick = field.placeholder ?? field.label;
    const option = { text: plain(tick, LIMITS.optionText), value: "true" };
    const boxes: Block = { type: "checkboxes", action_id: "value", options: [option] };
    if (field.value === "true") boxes.initial_options = [option];
    return boxes;
  }
  if (field.kind === "date") {
    const date: Block = { ...base, type: "datepicker" };
    if (field.value && /^\d{4}-\d{2}-\d{2}$/.test(field.value)) date.initial_date = field.value;
    return date;
  }
  const input: Block = { ...base, multiline: field.kind === "multiline" };
  input.max_length = Math.min(field.maxLength ?? LIMITS.inputLength, LIMITS.inputLength);
  if (field.value) input.initial_value = field.value.slice(0, LIMITS.inputLength);
  return input;
}

function inputBlocks(field: FieldView): Block[] {
  const input: Block = {
    type: "input",
    block_id: field.name,
    label: plain(field.label, LIMITS.label),
    optional: !field.required,
    element: element(field),
  };
  if (!field.error) return [input];
  return [input, { type: "context", elements: [md(`:warning: ${field.error}`)] }];
}

/** Texts a modal needs that a View does not carry (translated by the caller). */
export interface ModalOptions {
  closeLabel: string;
  /** Carried back in view_submission; must stay under 3000 characters as JSON. */
  metadata: Record<string, unknown>;
}

/** Renders a View with a form as a modal: callback_id is the submit action, block_id the field. */
export function renderModal(view: View, options: ModalOptions): Block {
  const form = view.form;
  if (!form) throw new Error("renderModal needs a view with a form");
  const metadata = JSON.stringify(options.metadata);
  if (metadata.length > LIMITS.privateMetadata) throw new Error("modal metadata too long");
  // A title longer than Slack's 24 characters is cut in the bar, so it is also shown whole on top
  // (a plan form's house and year would otherwise be lost).
  const cut = (view.title?.length ?? 0) > LIMITS.modalTitle;
  const blocks = [...contentBlocks({ ...view, title: cut ? view.title : undefined }, cut)];
  const inputs = form.fields.flatMap(inputBlocks);
  return {
    type: "modal",
    callback_id: form.submit.id.slice(0, LIMITS.actionId),
    title: plain(view.title ?? form.submit.label, LIMITS.modalTitle),
    submit: plain(form.submit.label, LIMITS.modalTitle),
    close: plain(options.closeLabel, LIMITS.modalTitle),
    private_metadata: metadata,
    blocks: capBlocks(blocks, LIMITS.viewBlocks, inputs),
  };
}

/** A modal that only shows a view (a refusal, an apology): no inputs, no submit button. */
export function renderNoticeModal(view: View, title: string, closeLabel: string): Block {
  return {
    type: "modal",
    title: plain(title, LIMITS.modalTitle),
    close: plain(closeLabel, LIMITS.modalTitle),
    blocks: capBlocks(contentBlocks({ ...view, form: undefined }, false), LIMITS.viewBlocks),
  };
}

/** Renders views for the App Home tab (at most 100 blocks). */
export function renderHome(views: View[]): Block {
  const blocks = views.flatMap((v) => [
    ...contentBlocks(v, true),
    ...actionBlocks(v.actions ?? []),
  ]);
  return { type: "home", blocks: capBlocks(blocks, LIMITS.viewBlocks) };
}
