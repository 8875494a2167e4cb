import { DomainError } from "../domain/errors.js";
import { translator } from "../i18n/index.js";
import { errorView } from "./common-views.js";
import type { View } from "./view.js";

/** What every channel shows someone who is not in the directory (in Danish: nothing is known of them). */
export function unknownPersonView(): View {
  return errorView(translator(), new DomainError("PERSON.UNKNOWN"));
}
