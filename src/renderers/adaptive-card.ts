import type { ActionView, FieldView, FileView, ImageView, View } from "../views/view.js";

/** An Adaptive Card as JSON (the shape Teams and the adaptivecards package take). */
export type AdaptiveCard = Record<string, unknown> & {
  type: "AdaptiveCard";
  version: string;
  body: unknown[];
};

/** Card version: 1.4 is the least that has Action.Execute; every Execute carries a 1.2 Submit fallback. */
export const CARD_VERSION = "1.4";

/**
 * Keeps user text literal on a card: a word joiner (U+2060) after each Markdown or tag character
 * breaks links, emphasis and mentions in every renderer, shows nothing and adds no line break.
 */
export function escapeCardText(text: string): string {
  return text.replace(/[`*_~[\]<>]/g, (c) => `${c}\u2060`);
}

const COLORS = {
  info: "default",
  success: "good",
  warning: "warning",
  error: "attention",
} as const;

function textBlock(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "TextBlock", text: escapeCardText(text), wrap: true, ...extra };
}

function factSet(facts: { label: string; value: string }[]): Record<string, unknown> {
  return {
    type: "FactSet",
    facts: facts.map((f) => ({ title: escapeCardText(f.label), value: escapeCardText(f.value) })),
  };
}

/** A button: Action.Execute (Universal Actions) with an Action.Submit fallback for Teams mobile (1.2). */
export function cardAction(action: ActionView): Record<string, unknown> {
  const title = action.label;
  const rendered: Record<string, unknown> = {
    type: "Action.Execute",
    title,
    verb: action.id,
    data: { ...action.data },
    fallback: { type: "Action.Submit", title, data: { ...action.data, verb: action.id } },
  };
  if (action.style === "primary") rendered.style = "positive";
  if (action.style === "danger") rendered.style = "destructive";
  return rendered;
}

/** Input.Number takes a number: "1500" and "1.500" (Danish grouping) become 1500; other text none. */
function numberValue(text: string | undefined): number | undefined {
  const compact = text?.replace(/\s/g, "") ?? "";
  const plain = /^\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replace(/\./g, "") : compact;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : undefined;
}

function input(field: FieldView): Record<string, unknown>[] {
  const base: Record<string, unknown> = {
    id: field.name,
    label: field.label,
    isRequired: field.required,
  };
  const errorMessage = field.error ?? field.requiredMessage;
  if (errorMessage) base.errorMessage = errorMessage;
  if (field.value !== undefined) base.value = field.value;
  if (field.placeholder) base.placeholder = field.placeholder;
  let element: Record<string, unknown>;
  if (field.kind === "choice") {
    element = {
      ...base,
      type: "Input.ChoiceSet",
      style: "compact",
      choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })),
    };
  } else if (field.kind === "toggle") {
    const { label: _label, placeholder: _tick, ...unlabelled } = base;
    const labelled = field.required || field.placeholder !== undefined;
    element = {
      ...(labelled ? { ...unlabelled, label: field.label } : unlabelled),
      type: "Input.Toggle",
      wrap: true,
      title: field.placeholder ?? field.label,
      valueOn: "true",
      valueOff: "false",
    };
  } else if (field.kind === "date") {
    element = { ...base, type: "Input.Date" };
  } else if (field.kind === "number") {
    const { value: _typed, ...rest } = base;
    const value = numberValue(field.value);
    element = { ...rest, type: "Input.Number", ...(value === undefined ? {} : { value }) };
  } else {
    element = { ...base, type: "Input.Text", isMultiline: field.kind === "multiline" };
    if (field.maxLength) element.maxLength = field.maxLength;
  }
  return field.error
    ? [element, textBlock(field.error, { color: "attention", size: "Small", spacing: "None" })]
    : [element];
}

/** A chart with its title, its description as alt text, and its numbers underneath. */
function imageContainer(image: ImageView): Record<string, unknown> {
  return {
    type: "Container",
    separator: true,
    items: [
      textBlock(image.title, { weight: "Bolder" }),
      image.url
        ? { type: "Image", url: image.url, altText: image.alt, size: "Stretch" }
        : textBlock(image.alt, { isSubtle: true }),
      factSet(image.facts),
    ],
  };
}

/** What a channel adds when rendering: where its users download a view's files (none: not shown). */
export interface CardOptions {
  fileUrl?: (file: FileView) => string;
  /** Teams user ids whose client redraws the card for them when shown (Universal Actions). */
  refreshUserIds?: string[];
}

/** Renders a View as an Adaptive Card; pure, so it is tested on fixtures. */
export function renderAdaptiveCard(view: View, options: CardOptions = {}): AdaptiveCard {
  const body: unknown[] = [];
  if (view.title) body.push(textBlock(view.title, { weight: "Bolder", size: "Medium" }));
  const color = COLORS[view.tone ?? "info"];
  for (const paragraph of view.text)
    body.push(textBlock(paragraph, color === "default" ? {} : { color }));
  for (const alert of view.alerts ?? [])
    body.push(textBlock(`⚠ ${alert}`, { color: "attention", weight: "Bolder" }));
  if (view.facts && view.facts.length > 0) body.push(factSet(view.facts));
  for (const item of view.items ?? []) {
    const inner: unknown[] = [textBlock(item.title, { weight: "Bolder" }), factSet(item.facts)];
    if (item.actions.length > 0)
      inner.push({ type: "ActionSet", actions: item.actions.map(cardAction) });
    body.push({ type: "Container", separator: true, items: inner });
  }
  for (const image of view.images ?? []) body.push(imageContainer(image));
  const actions = [...(view.actions ?? [])];
  if (view.form) {
    for (const field of view.form.fields) body.push(...input(field));
    actions.unshift(view.form.submit);
  }
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    body,
  };
  const rendered = actions.map(cardAction);
  const { fileUrl } = options;
  if (fileUrl)
    for (const file of view.files ?? [])
      rendered.push({ type: "Action.OpenUrl", title: file.name, url: fileUrl(file) });
  if (rendered.length > 0) card.actions = rendered;
  const userIds = options.refreshUserIds ?? [];
  if (view.refresh && userIds.length > 0) {
    const { id, data } = view.refresh;
    card.refresh = { action: { type: "Action.Execute", verb: id, data: { ...data } }, userIds };
  }
  return card;
}
