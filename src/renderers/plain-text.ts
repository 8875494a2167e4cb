import type { View } from "../views/view.js";

/** A View as plain text: the message's fallback text and notification preview. */
export function renderPlainText(view: View): string {
  const lines: string[] = [];
  if (view.title) lines.push(view.title);
  lines.push(...view.text);
  for (const alert of view.alerts ?? []) lines.push(`⚠ ${alert}`);
  for (const f of view.facts ?? []) lines.push(`${f.label}: ${f.value}`);
  for (const item of view.items ?? []) {
    lines.push(`• ${item.title}`);
    for (const f of item.facts) lines.push(`  ${f.label}: ${f.value}`);
  }
  for (const image of view.images ?? []) {
    lines.push(`${image.title}: ${image.alt}`);
    for (const f of image.facts) lines.push(`  ${f.label}: ${f.value}`);
  }
  for (const field of view.form?.fields ?? [])
    if (field.error) lines.push(`${field.label}: ${field.error}`);
  for (const file of view.files ?? []) lines.push(file.name);
  return lines.join("\n");
}
