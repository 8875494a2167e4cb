import { randomUUID } from "node:crypto";
import type { Person } from "../../domain/org.js";
import type { ChatDelivery, QueueWrite } from "../../ports/chat.js";
import type { View } from "../../views/view.js";

/** A message waiting in a person's local inbox. */
export interface InboxEntry {
  seq: number;
  at: string;
  view: View;
}

/** Newest messages kept per person; older ones drop off (local mode is a demo and test surface). */
export const INBOX_LIMIT = 200;

/**
 * The in-memory chat twin: delivers notifications to per-person inboxes that the local chat
 * page polls and conversation tests read. `unreachable` people make delivery fail, as a platform would.
 */
export class LocalInbox implements ChatDelivery {
  private readonly boxes = new Map<string, InboxEntry[]>();
  private seq = 0;
  /** Changes with every start, so a page can tell that the numbering began again. */
  readonly epoch = randomUUID();
  readonly unreachable = new Set<string>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async deliver(person: Person, view: View): Promise<void> {
    if (this.unreachable.has(person.id)) throw new Error(`${person.id} cannot be reached`);
    const box = this.boxes.get(person.id) ?? [];
    box.push({ seq: ++this.seq, at: this.now().toISOString(), view });
    if (box.length > INBOX_LIMIT) box.splice(0, box.length - INBOX_LIMIT);
    this.boxes.set(person.id, box);
  }

  /** Refuses an unreachable person now; the message lands once the transaction it is written in commits. */
  async prepare(person: Person, view: View): Promise<QueueWrite> {
    if (this.unreachable.has(person.id)) throw new Error(`${person.id} cannot be reached`);
    return async (store) =>
      store.afterCommit(() => void this.deliver(person, view).catch(() => undefined));
  }

  /** A person's messages, oldest first; `after` skips those already seen. */
  messages(personId: string, after = 0): InboxEntry[] {
    return (this.boxes.get(personId) ?? []).filter((m) => m.seq > after);
  }

  /** The views a person has received, for conversation tests. */
  views(personId: string): View[] {
    return this.messages(personId).map((m) => m.view);
  }
}
