import type { Company } from "../domain/company.js";
import type { Translator } from "../i18n/index.js";
import type { View } from "./view.js";

/** What a confirmed request carries back: the answers of the `/henvis` form. */
export interface RequestAnswers {
  cvr: string;
  need: string;
  contactPerson?: string | undefined;
}

/** The register says ceased or bankrupt: the referrer confirms before anyone is sent the handover. */
export function confirmCeasedView(t: Translator, company: Company, request: RequestAnswers): View {
  const data: Record<string, string> = { cvr: request.cvr, need: request.need };
  if (request.contactPerson) data.contactPerson = request.contactPerson;
  return {
    title: t("request.confirm_title"),
    tone: "warning",
    text: [
      t(company.status === "bankrupt" ? "warning.bankrupt" : "warning.closed"),
      t("request.confirm_question"),
    ],
    facts: [
      {
        label: t("fact.company"),
        value: t("handover.company", { name: company.name, cvr: company.cvr }),
      },
      { label: t("fact.need"), value: request.need },
    ],
    actions: [
      { id: "handover.request.confirm", label: t("request.confirm_send"), data, style: "primary" },
      {
        id: "handover.request.cancel",
        label: t("request.confirm_cancel"),
        data: { cvr: request.cvr },
      },
    ],
  };
}

/** The referrer chose not to send it: nothing was stored or sent. */
export function cancelledRequestView(t: Translator): View {
  return { tone: "info", text: [t("request.cancelled")] };
}
