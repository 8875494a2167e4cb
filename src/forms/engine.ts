import type { z } from "zod";
import { isMessageKey, type MessageKey, type Translator } from "../i18n/index.js";
import type { ActionView, FieldView, FormView } from "../views/view.js";
import { withoutHiddenMarks } from "./text-hygiene.js";

/** One input of a form definition; texts are i18n keys. */
export interface FieldDef {
  name: string;
  kind: FieldView["kind"];
  label: MessageKey;
  required: boolean;
  maxLength?: number;
  placeholder?: MessageKey;
  /** Fixed choices with translated labels; dynamic ones are passed when rendering. */
  options?: { value: string; label: MessageKey }[];
}

/** A form: its fields and one zod schema whose error messages are i18n keys. */
export interface FormDef<T> {
  id: string;
  fields: FieldDef[];
  schema: z.ZodType<T>;
}

/** Raw answers as platforms send them: strings, possibly missing. */
export type RawAnswers = Record<string, unknown>;

/** One field's error: an i18n key, with its placeholders' values when it has any. */
export type FieldError = MessageKey | { key: MessageKey; params: Record<string, string | number> };

/** Field errors by field name. */
export type FieldErrors = Record<string, FieldError>;

/** A field error in the reader's language. */
export function errorText(error: FieldError, t: Translator): string {
  return typeof error === "string" ? t(error) : t(error.key, error.params);
}

/** A validated form, or the errors per field with the answers to show again. */
export type FormResult<T> =
  | { ok: true; value: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Keeps only the form's own fields as trimmed strings without hidden marks; empty answers count as missing. */
function answersOf(def: FormDef<unknown>, raw: RawAnswers): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of def.fields) {
    const v = raw[field.name];
    const text = typeof v === "string" ? withoutHiddenMarks(v).trim() : "";
    if (text !== "") values[field.name] = text;
    else if (typeof v === "number" || typeof v === "boolean") values[field.name] = String(v);
  }
  return values;
}

/** Validates answers against the form's schema; every error is reported on its field. */
export function validateForm<T>(def: FormDef<T>, raw: RawAnswers): FormResult<T> {
  const values = answersOf(def as FormDef<unknown>, raw);
  const parsed = def.schema.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? def.fields[0]?.name ?? "form");
    if (errors[field]) continue;
    const key = isMessageKey(issue.message) ? issue.message : missingOrInvalid(values, field);
    const params =
      issue.code === "too_big"
        ? { max: Number(issue.maximum) }
        : issue.code === "custom" && issue.params
          ? (issue.params as Record<string, string>)
          : undefined;
    errors[field] = params === undefined ? key : { key, params };
  }
  return { ok: false, errors, values };
}

function missingOrInvalid(values: Record<string, string>, field: string): MessageKey {
  return values[field] === undefined ? "form.required" : "form.invalid";
}

/** Translates field errors for a reply (the local API's 422 body, Slack's `errors`). */
export function translateErrors(errors: FieldErrors, t: Translator): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, error]) => [field, errorText(error, t)]),
  );
}

/** What a rendered form needs besides its definition. */
export interface RenderOptions {
  submit: Omit<ActionView, "label"> & { label?: MessageKey };
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Choices computed at run time (people, houses), by field name. */
  options?: Record<string, { value: string; label: string }[]>;
}

/** Turns a form definition into a translated FormView, with values and errors filled in. */
export function renderForm(def: FormDef<unknown>, t: Translator, opts: RenderOptions): FormView {
  const fields = def.fields.map((f): FieldView => {
    const view: FieldView = { name: f.name, kind: f.kind, label: t(f.label), required: f.required };
    if (f.required) view.requiredMessage = t("form.required");
    if (f.maxLength) view.maxLength = f.maxLength;
    if (f.placeholder) view.placeholder = t(f.placeholder);
    if (f.kind === "multiline" && f.maxLength) {
      const limit = t("form.limit", { max: f.maxLength });
      view.placeholder = view.placeholder ? `${view.placeholder} ${limit}` : limit;
    }
    const options =
      opts.options?.[f.name] ?? f.options?.map((o) => ({ value: o.value, label: t(o.label) }));
    if (options) view.options = options;
    const value = opts.values?.[f.name];
    if (value !== undefined) view.value = value;
    const error = opts.errors?.[f.name];
    if (error) view.error = errorText(error, t);
    return view;
  });
  const { label, ...submit } = opts.submit;
  return { id: def.id, fields, submit: { ...submit, label: t(label ?? "form.submit") } };
}
