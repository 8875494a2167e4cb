import { DomainError } from "../domain/errors.js";
import { type Handover, isOpen } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import { handoverNoteNotice } from "../views/handover-note-views.js";
import type { Deps } from "./deps.js";
import { requireHandover } from "./handover-access.js";
import { noticeAbout } from "./handover-posts.js";
import { requirePerson } from "./people.js";
import { channelOf, recordAudit } from "./privacy/audit-log.js";

/** Who was given the note, and who of them could not be reached. */
export interface NoteResult {
  handover: Handover;
  holders: Person[];
  unreachable: Person[];
}

/**
 * A note about an open handover from someone who tried to refer the same company: told to its
 * holder (the assignee, or the business developers of the house it waits in). Nothing is stored
 * but the outgoing message.
 */
export async function addHandoverNote(
  deps: Deps,
  authorId: string,
  handoverId: string,
  note: string,
): Promise<NoteResult> {
  const author = requirePerson(deps, authorId);
  if (author.role === "tcManager") throw new DomainError("ROLE.NOT_ALLOWED");
  const handover = await requireHandover(deps, handoverId);
  if (!isOpen(handover))
    throw new DomainError("HANDOVER.ILLEGAL_TRANSITION", { status: handover.status });
  const holders = handover.assigneeId
    ? [requirePerson(deps, handover.assigneeId)]
    : deps.directory.businessDevelopers(handover.assigneeHouse ?? author.house);
  const act = { actorId: author.id, channel: channelOf(deps), action: "note" as const };
  await recordAudit(deps, { ...act, targets: [`handover:${handover.id}`], count: 1 });
  const unreachable = await noticeAbout(deps, handover, holders, deps.ids.next("note"), (t) =>
    handoverNoteNotice(t, handover, author, note),
  );
  return { handover, holders, unreachable };
}
