import type { Person } from "../domain/org.js";
import type { Translator } from "../i18n/index.js";
import { confirmCeasedView } from "../views/confirm-ceased-view.js";
import { duplicateView, handoverSentView } from "../views/request-views.js";
import type { View } from "../views/view.js";
import type { Deps } from "./deps.js";
import { recordViews } from "./privacy/audit-log.js";
import { type HandoverRequest, requestHandover } from "./request-handover.js";

/** Runs `/henvis` for a checked request and answers the referrer. */
export async function submitHandover(
  deps: Deps,
  referrer: Person,
  t: Translator,
  request: HandoverRequest,
): Promise<View[]> {
  const result = await requestHandover(deps, referrer.id, request);
  if (result.kind === "duplicate") {
    await recordViews(deps, referrer.id, [result.existing]);
    return [duplicateView(t, deps.directory, result.existing)];
  }
  if (result.kind === "confirm") return [confirmCeasedView(t, result.company, request)];
  return [handoverSentView(t, deps.directory, result.handover, referrer, result.unreachable)];
}
