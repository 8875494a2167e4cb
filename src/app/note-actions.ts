import type { Person } from "../domain/org.js";
import { handoverNoteForm } from "../forms/decision-forms.js";
import { translateErrors, validateForm } from "../forms/engine.js";
import type { Translator } from "../i18n/index.js";
import { handoverNoteFormCard, handoverNoteSentView } from "../views/handover-note-views.js";
import type { ActionReply } from "./actions.js";
import { addHandoverNote } from "./add-handover-note.js";
import type { Deps } from "./deps.js";
import { requireHandover } from "./handover-access.js";
import { recordViews } from "./privacy/audit-log.js";

type NoteAction = (
  deps: Deps,
  person: Person,
  t: Translator,
  data: Record<string, unknown>,
) => Promise<ActionReply>;

const idOf = (data: Record<string, unknown>) =>
  typeof data.handoverId === "string" ? data.handoverId : "";

/** The buttons of the duplicate /henvis's next step: open the note form, and send the note. */
export const noteActions: Record<string, NoteAction> = {
  "handover.note": async (deps, person, t, data) => {
    const handover = await requireHandover(deps, idOf(data));
    await recordViews(deps, person.id, [handover]);
    return { ok: true, replies: [handoverNoteFormCard(t, handover)] };
  },
  "handover.note.submit": async (deps, person, t, data) => {
    const checked = validateForm(handoverNoteForm, data);
    if (!checked.ok) {
      const h = await requireHandover(deps, idOf(data));
      const form = handoverNoteFormCard(t, h, checked.values, checked.errors);
      return { ok: false, errors: translateErrors(checked.errors, t), form };
    }
    const { holders, unreachable } = await addHandoverNote(
      deps,
      person.id,
      idOf(data),
      checked.value.note,
    );
    return { ok: true, replies: [handoverNoteSentView(t, holders, unreachable)] };
  },
};
