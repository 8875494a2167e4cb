import { describe, expect, it } from "vitest";
import { planReply } from "../../src/app/reply-plan.js";
import type { View } from "../../src/views/view.js";

const result: View = { tone: "success", text: ["Accepteret"] };
const notice: View = { text: ["Henviseren er underrettet"] };
const form: View = {
  text: [],
  form: {
    id: "f",
    fields: [],
    submit: { id: "handover.decline.submit", label: "Afvis", data: {} },
  },
};
const error: View = { tone: "error", text: ["Allerede accepteret"] };

describe("what replaces a clicked message, on every channel", () => {
  it("a result replaces it; the rest follows", () => {
    expect(planReply({ ok: true, replies: [result, notice] }, true)).toEqual({
      replace: result,
      show: [notice],
    });
  });

  it("a form replaces it only where no one else sees it", () => {
    expect(planReply({ ok: true, replies: [form] }, true)).toEqual({ show: [form] });
    expect(planReply({ ok: true, replies: [form] }, false)).toEqual({ replace: form, show: [] });
    const refused = { ok: false as const, errors: { reason: "Skal udfyldes." }, form };
    expect(planReply(refused, true)).toEqual({ show: [form] });
  });

  it("an error never replaces it", () => {
    expect(planReply({ ok: true, replies: [error] }, false)).toEqual({ show: [error] });
  });
});
