import { describe, expect, it } from "vitest";
import { declineForm, meetingForm } from "../../src/forms/decision-forms.js";
import { type FormDef, translateErrors, validateForm } from "../../src/forms/engine.js";
import { handoverForm } from "../../src/forms/handover-form.js";
import {
  activityForm,
  activityProgressForm,
  budgetForm,
  goalForm,
  goalProgressForm,
} from "../../src/forms/plan-forms.js";
import { translator } from "../../src/i18n/index.js";

const valid = {
  handover: { cvr: "10150817", need: "Eksport", contactPerson: "Anna" },
  decline: { reason: "Ikke parat" },
  meeting: {
    meetingDate: "2026-11-20",
    contactPerson: "Anna",
    description: "Eksport",
    disclosed: "true",
  },
  goal: { track: "A", title: "Mål", target: "10", unit: "virksomheder" },
  activity: { title: "Messe", owner: "Anna", due: "2026-05-01" },
  progress: { progress: "3", status: "on_track", comment: "Fint" },
  budget: { spent: "1000", comment: "Fint" },
};

const freeTextFields: [string, FormDef<unknown>, Record<string, string>, string][] = [
  ["need", handoverForm, valid.handover, "need"],
  ["decline reason", declineForm, valid.decline, "reason"],
  ["meeting description", meetingForm, valid.meeting, "description"],
  ["goal title", goalForm, valid.goal, "title"],
  ["activity title", activityForm(2026), valid.activity, "title"],
  ["activity owner", activityForm(2026), valid.activity, "owner"],
  ["goal comment", goalProgressForm, valid.progress, "comment"],
  ["activity comment", activityProgressForm, valid.progress, "comment"],
  ["budget comment", budgetForm, valid.budget, "comment"],
];
const contactFields: [string, FormDef<unknown>, Record<string, string>, string][] = [
  ["handover contact person", handoverForm, valid.handover, "contactPerson"],
  ["meeting contact person", meetingForm, valid.meeting, "contactPerson"],
];

const cprs = [
  "010203-1234",
  "0102031234",
  "010203 1234",
  "CPR: 311299-4321",
  "født 290200-1234 (skudår)",
  "Kontakt Anna, 150575-1122, direktør",
];
const contactDetails = [
  "anna@nordlys.dk",
  "skriv til anna.b.jensen@firma.co.uk",
  "tlf 20304050",
  "Tlf.: 2030 4050",
  "ring 20 30 40 50",
  "+45 20 30 40 50",
  "0045 20304050",
];
const lookAlikes = [
  "CVR 10150817 og datterselskab 12345674",
  "DK 10 15 08 17",
  "CVR-nr. 1015 0817",
  "Møde 2026-03-15 kl. 10-12",
  "15-03-2026 og 15.03.2026",
  "Budget 1.500.000 kr. og 7.500.000 kr",
  "Omsætning 2500000000 kr",
  "1 000 000 000 kr",
  "Handlingsplan 2024-2027",
  "300299-1234 er ikke en dato",
  "Ordre 320101-1234",
  "12 ansatte, 3 markeder, 25000000 kr",
  "Q3 2026: 20 deltagere",
  "Svar @anna på Slack",
];

function errorOf(form: FormDef<unknown>, answers: Record<string, string>, field: string) {
  const result = validateForm(form, answers);
  return result.ok ? undefined : result.errors[field];
}

describe("free text: CPR numbers and contact details", () => {
  for (const [label, form, base, field] of freeTextFields) {
    it.each(cprs)(`${label} refuses the CPR number in %j`, (text) => {
      expect(errorOf(form, { ...base, [field]: text }, field)).toBe("form.cpr");
    });
    it.each(contactDetails)(`${label} refuses the contact detail in %j`, (text) => {
      expect(errorOf(form, { ...base, [field]: text }, field)).toBe("form.contact_details");
    });
    it.each(lookAlikes)(`${label} takes %j`, (text) => {
      expect(validateForm(form, { ...base, [field]: text }).ok).toBe(true);
    });
  }

  for (const [label, form, base, field] of contactFields) {
    it.each(contactDetails)(`${label} takes %j`, (text) => {
      expect(validateForm(form, { ...base, [field]: `Anna Berg, ${text}` }).ok).toBe(true);
    });
    it.each(cprs)(`${label} refuses the CPR number in %j`, (text) => {
      expect(errorOf(form, { ...base, [field]: text }, field)).toBe("form.cpr");
    });
  }

  it("says why in Danish and English, and keeps the other answers", () => {
    const result = validateForm(meetingForm, { ...valid.meeting, description: "010203-1234" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values.contactPerson).toBe("Anna");
    expect(translateErrors(result.errors, translator("da")).description).toContain("CPR-nummer");
    expect(translateErrors(result.errors, translator("en")).description).toContain("CPR number");
    const other = validateForm(declineForm, { reason: "ring 20 30 40 50" });
    expect(!other.ok && translateErrors(other.errors, translator("da")).reason).toContain(
      "Kontaktperson",
    );
    expect(!other.ok && translateErrors(other.errors, translator("en")).reason).toContain(
      "contact person field",
    );
  });
});

describe("free text: hidden marks", () => {
  it("drops bidi overrides and zero-width characters before the text is checked or kept", () => {
    const result = validateForm(handoverForm, {
      cvr: "1015\u200B0817",
      need: "Eksport til \u202Eaknarf\u202C Frankrig\u2066\u2069",
      contactPerson: "An\u200Dna\uFEFF B\u200Cerg\u2060",
    });
    expect(result).toMatchObject({
      ok: true,
      value: { cvr: "10150817", need: "Eksport til aknarf Frankrig", contactPerson: "Anna Berg" },
    });
  });

  it("a CPR number split by zero-width spaces is still found", () => {
    expect(errorOf(declineForm, { reason: "0102\u200B03-12\u200C34" }, "reason")).toBe("form.cpr");
  });

  it("an answer of hidden marks only is missing", () => {
    expect(errorOf(declineForm, { reason: "\u200B\u202E\u200F" }, "reason")).toBe("form.required");
  });
});
