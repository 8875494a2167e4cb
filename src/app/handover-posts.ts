import { z } from "zod";
import { type Handover, isOpen } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import type { Translator } from "../i18n/index.js";
import type { CollectionSpec } from "../ports/store.js";
import { companyLabel, handoverCard, showAction } from "../views/handover-views.js";
import type { View } from "../views/view.js";
import type { Deps } from "./deps.js";
import { allNotices, type PreparedNotices, prepareNotices } from "./people.js";

/** One message the bot posted about a handover: its delivery key, to whom, and what it was. */
export interface HandoverPost {
  key: string;
  personId: string;
  /** A card with the handover's buttons, a one-line notice, or a reminder to act on it. */
  kind: "card" | "notice" | "reminder";
  /** A reminder's heading, kept when it is settled so it is still recognised. */
  title?: string;
}

/** The messages posted about one handover (its id), so a later change can update them where they are. */
export interface HandoverPosts {
  id: string;
  posts: HandoverPost[];
}

/** Where the posts are kept: one record per handover, dropped once it is declined or closed. */
export const handoverPostsCollection: CollectionSpec<HandoverPosts> = {
  name: "handover-posts",
  schema: z.object({
    id: z.string().min(1),
    posts: z.array(
      z.object({
        key: z.string().min(1),
        personId: z.string().min(1),
        kind: z.enum(["card", "notice", "reminder"]),
        title: z.string().optional(),
      }),
    ),
  }),
};

type PostDeps = Pick<Deps, "store" | "delivery" | "directory">;

function postsOf(deps: Pick<Deps, "store">) {
  return deps.store.collection(handoverPostsCollection);
}

/** Remembers messages posted about a handover (a key already known is kept once). */
export async function rememberPosts(
  deps: Pick<Deps, "store">,
  handoverId: string,
  posts: HandoverPost[],
): Promise<void> {
  if (posts.length === 0 || (await postsOf(deps).insertIfAbsent({ id: handoverId, posts }))) return;
  const stored = (await postsOf(deps).get(handoverId))?.posts ?? [];
  const fresh = posts.filter((p) => !stored.some((s) => s.key === p.key));
  if (fresh.length > 0) await postsOf(deps).put({ id: handoverId, posts: [...stored, ...fresh] });
}

/** What a post becomes after a change: the card as it stands for its person, a reminder settled. */
function redrawn(t: Translator, deps: PostDeps, h: Handover, post: HandoverPost, person: Person) {
  if (post.kind === "card") return handoverCard(t, deps.directory, h, { viewer: person });
  const status = t(`status.${h.status}`);
  const text = t("notice.reminder_settled", { company: companyLabel(t, h), status });
  return { title: post.title, tone: "info" as const, text: [text], actions: [showAction(t, h)] };
}

/**
 * Draws every card posted about the handover afresh for the person who has it (their buttons as of
 * now: none once it is no longer theirs to answer), and settles its reminders, in place on their
 * platform, so no stale button stays. Queued in the transaction of the change; a handover that is
 * over forgets its posts there too.
 */
export async function prepareCardRefresh(deps: PostDeps, h: Handover): Promise<PreparedNotices> {
  const posts = (await postsOf(deps).get(h.id))?.posts ?? [];
  const updates = await Promise.all(
    posts
      .filter((p) => p.kind !== "notice")
      .flatMap((post) => {
        const person = deps.directory.get(post.personId);
        if (!person) return [];
        return [
          prepareNotices(
            deps,
            [person],
            (t) => redrawn(t, deps, h, post, person),
            () => ({ key: `${post.key}:v${h.version}`, updates: post.key }),
          ),
        ];
      }),
  );
  const all = allNotices(updates);
  return {
    ...all,
    unreachable: [], // An update that cannot go is not news to the person who acted.
    queue: async (tx) => {
      await all.queue(tx);
      if (!isOpen(h) && posts.length > 0) await tx.collection(handoverPostsCollection).delete(h.id);
    },
  };
}

/**
 * A short notice about a change of the handover for each person, in their own language and, where
 * the platform has threads, under the first message they got about it; queued in the transaction
 * of the change, which also remembers it as the first post for those who had none.
 */
export async function prepareNoticeAbout(
  deps: PostDeps,
  h: Handover,
  people: Person[],
  tag: string,
  build: (t: Translator, person: Person) => View,
): Promise<PreparedNotices> {
  const posts = (await postsOf(deps).get(h.id))?.posts ?? [];
  const keyOf = (person: Person) => `notice:${h.id}:${h.version}:${tag}:${person.id}`;
  const firstOf = (person: Person) => posts.find((p) => p.personId === person.id)?.key;
  const notices = await prepareNotices(deps, people, build, (person) => {
    const first = firstOf(person);
    return { key: keyOf(person), ...(first ? { threadOf: first } : {}) };
  });
  const fresh = notices.reached
    .filter((person) => !firstOf(person))
    .map((person) => ({ key: keyOf(person), personId: person.id, kind: "notice" as const }));
  return {
    ...notices,
    queue: async (tx) => {
      await notices.queue(tx);
      if (isOpen(h) && fresh.length > 0) await rememberPosts({ store: tx }, h.id, fresh);
    },
  };
}

/** A short notice about the handover, queued at once (a change with no transaction of its own). */
export async function noticeAbout(
  deps: PostDeps,
  h: Handover,
  people: Person[],
  tag: string,
  build: (t: Translator, person: Person) => View,
): Promise<Person[]> {
  const notices = await prepareNoticeAbout(deps, h, people, tag, build);
  await deps.store.transaction((tx) => notices.queue(tx));
  return notices.unreachable;
}
