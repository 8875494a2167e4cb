import { randomUUID } from "node:crypto";
import type { Person } from "../../domain/org.js";
import type { ChatDelivery, DeliveryOptions, QueueWrite } from "../../ports/chat.js";
import type { View } from "../../views/view.js";

/** A message waiting in a person's local inbox. */
export interface InboxEntry {
  /** Stays the same when the message is updated; its place in the chat. */
  id: number;
  /** Grows with every post and update, so a poll `after` a number sees both. */
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
  private readonly keys = new Map<string, number>();
  /** Changes with every start, so a page can tell that the numbering began again. */
  readonly epoch = randomUUID();
  readonly unreachable = new Set<string>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Honours `updates` (the message with that key changes in place) like the outbox does. */
  async deliver(person: Person, view: View, options: DeliveryOptions = {}): Promise<void> {
    if (options.updates) {
      const id = this.keys.get(`${person.id}\u0000${options.updates}`);
      if (id !== undefined) this.update(person.id, id, view);
      return;
    }
    const id = await this.post(person, view);
    if (options.key) this.keys.set(`${person.id}\u0000${options.key}`, id);
  }

  /** Adds a message to a person's inbox; returns its id, for a later update. */
  async post(person: Person, view: View): Promise<number> {
    if (this.unreachable.has(person.id)) throw new Error(`${person.id} cannot be reached`);
    const box = this.boxes.get(person.id) ?? [];
    const seq = ++this.seq;
    box.push({ id: seq, seq, at: this.now().toISOString(), view });
    if (box.length > INBOX_LIMIT) box.splice(0, box.length - INBOX_LIMIT);
    this.boxes.set(person.id, box);
    return seq;
  }

  /** Replaces a message where it stands (a card that changed); false when it is gone. */
  update(personId: string, id: number, view: View): boolean {
    const entry = this.boxes.get(personId)?.find((m) => m.id === id);
    if (!entry) return false;
    entry.seq = ++this.seq;
    entry.view = view;
    return true;
  }

  /** Refuses an unreachable person now; the message lands once the transaction it is written in commits. */
  async prepare(person: Person, view: View, options: DeliveryOptions = {}): Promise<QueueWrite> {
    if (this.unreachable.has(person.id)) throw new Error(`${person.id} cannot be reached`);
    return async (store) =>
      store.afterCommit(() => void this.deliver(person, view, options).catch(() => undefined));
  }

  /** A person's messages in the order first posted; `after` skips those not changed since. */
  messages(personId: string, after = 0): InboxEntry[] {
    return (this.boxes.get(personId) ?? []).filter((m) => m.seq > after);
  }

  /** The views a person has received, for conversation tests. */
  views(personId: string): View[] {
    return this.messages(personId).map((m) => m.view);
  }
}
