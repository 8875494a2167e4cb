import { LIMITS } from "../../renderers/block-kit.js";

/** One input's state in view_submission (block_id -> action_id -> this). */
interface InputState {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: unknown[] | null;
}

/** A modal's answers by field name (block_id), as the core's forms take them. */
export function modalAnswers(
  values: Record<string, Record<string, InputState>>,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [field, inputs] of Object.entries(values)) {
    const input = inputs.value ?? Object.values(inputs)[0];
    if (!input) continue;
    const answer =
      input.type === "checkboxes"
        ? String((input.selected_options?.length ?? 0) > 0)
        : (input.value ?? input.selected_date ?? input.selected_option?.value ?? undefined);
    if (typeof answer === "string") answers[field] = answer;
  }
  return answers;
}

/** What private_metadata carried: the submit's hidden data and the message it came from. */
export function modalMetadata(raw: string | undefined): {
  data: Record<string, unknown>;
  channel?: string;
  ts?: string;
} {
  try {
    const parsed = JSON.parse(raw || "{}") as Record<string, unknown>;
    const data = parsed.data && typeof parsed.data === "object" ? parsed.data : {};
    const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
    return {
      data: data as Record<string, unknown>,
      channel: str(parsed.channel),
      ts: str(parsed.ts),
    };
  } catch {
    return { data: {} };
  }
}

/** Field errors as response_action "errors" takes them (block_id -> text, each within the limit). */
export function slackErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, text]) => [field, text.slice(0, LIMITS.label)]),
  );
}
