import { describe, expect, it } from "vitest";
import { closeForm, meetingForm } from "../../src/forms/decision-forms.js";
import { renderForm, translateErrors, validateForm } from "../../src/forms/engine.js";
import { handoverForm } from "../../src/forms/handover-form.js";
import { translator } from "../../src/i18n/index.js";

describe("form engine", () => {
  it("returns the typed value with strings trimmed and unknown keys dropped", () => {
    const result = validateForm(handoverForm, {
      cvr: " 10150817 ",
      need: " Eksport ",
      verb: "x",
      extra: 1,
    });
    expect(result).toEqual({
      ok: true,
      value: { cvr: "10150817", need: "Eksport" },
      values: { cvr: "10150817", need: "Eksport" },
    });
  });

  it("reports one error per field as an i18n key, keeping the answers to show again", () => {
    const result = validateForm(handoverForm, { cvr: "0101", need: "   " });
    expect(result).toEqual({
      ok: false,
      errors: { cvr: "error.CVR.LENGTH", need: "form.required" },
      values: { cvr: "0101" },
    });
  });

  it("checks dates, ticks and choices", () => {
    const bad = validateForm(meetingForm, {
      meetingDate: "2026-02-30",
      contactPerson: "A",
      description: "B",
      disclosed: "false",
    });
    expect(!bad.ok && bad.errors).toEqual({
      meetingDate: "form.date",
      disclosed: "form.meeting.disclosed_required",
    });
    expect(
      validateForm(meetingForm, {
        meetingDate: "27-11-2026",
        contactPerson: "A",
        description: "B",
        disclosed: "true",
      }).ok,
    ).toBe(false);
    expect(
      validateForm(meetingForm, {
        meetingDate: "2026-11-27",
        contactPerson: "A",
        description: "B",
        disclosed: "true",
      }).ok,
    ).toBe(true);
    const choice = validateForm(closeForm, { outcome: "won_the_lottery" });
    expect(!choice.ok && choice.errors).toEqual({ outcome: "form.choose" });
  });

  it("renders translated labels, values, errors and the submit action", () => {
    const t = translator("en");
    const view = renderForm(handoverForm, t, {
      submit: { id: "handover.request.submit", data: { x: "1" } },
      values: { cvr: "1234" },
      errors: { cvr: "error.CVR.LENGTH" },
    });
    expect(view.fields[0]).toEqual({
      name: "cvr",
      kind: "text",
      label: "CVR number",
      required: true,
      maxLength: 20,
      placeholder: "8 digits, e.g. 10150817",
      value: "1234",
      error: "A CVR number has exactly 8 digits.",
      requiredMessage: "Required.",
    });
    expect(view.fields[2]?.requiredMessage).toBeUndefined();
    expect(view.submit).toEqual({ id: "handover.request.submit", data: { x: "1" }, label: "Send" });
    expect(translateErrors({ need: "form.required" }, translator("da"))).toEqual({
      need: "Skal udfyldes.",
    });
  });
});
