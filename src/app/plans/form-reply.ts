import { DomainError } from "../../domain/errors.js";
import {
  type FieldErrors,
  type FormDef,
  translateErrors,
  validateForm,
} from "../../forms/engine.js";
import type { Translator } from "../../i18n/index.js";
import type { View } from "../../views/view.js";
import type { ActionReply } from "../actions.js";

/**
 * Validates a submitted form; an invalid one (or a domain error tied to a field) comes back as
 * the field errors with the form drawn again, an accepted one as `run`'s views.
 */
export async function submitForm<T>(
  t: Translator,
  def: FormDef<T>,
  data: Record<string, unknown>,
  draw: (values: Record<string, string>, errors: FieldErrors) => View,
  run: (value: T) => Promise<View[]>,
): Promise<ActionReply> {
  const checked = validateForm(def, data);
  if (!checked.ok)
    return {
      ok: false,
      errors: translateErrors(checked.errors, t),
      form: draw(checked.values, checked.errors),
    };
  try {
    return { ok: true, replies: await run(checked.value) };
  } catch (error) {
    if (!(error instanceof DomainError) || !error.field) throw error;
    const errors: FieldErrors = {
      [error.field]: { key: `error.${error.code}`, params: error.params },
    };
    return { ok: false, errors: translateErrors(errors, t), form: draw(checked.values, errors) };
  }
}
