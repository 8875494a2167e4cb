import { z } from "zod";
import { type Handover, isOpen } from "../domain/handover.js";
import type { Person } from "../domain/org.js";
import type { Translator } from "../i18n/index.js";
import type { CollectionSpec } from "../ports/store.js";
import { handoverCard } from "../views/handover-views.js";
import type { View } from "../views/view.js";
import type { Deps } from "./deps.js";
import { translatorFor } from "./people.js";

/** One message the bot posted about a handover: its delivery key, to whom, and whether it has buttons. */
export interface HandoverPost {
  key: string;
  personId: string;
  kind: "card" | "notice";
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
        kind: z.enum(["card", "notice"]),
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
  const stored = (await postsOf(deps).get(handoverId))?.posts ?? [];
  const fresh = posts.filter((p) => !stored.some((s) => s.key === p.key));
  if (fresh.length > 0) await postsOf(deps).put({ id: handoverId, posts: [...stored, ...fresh] });
}

/**
 * Draws every card posted about the handover afresh for the person who has it (their buttons as of
 * now: none once it is no longer theirs to answer), in place on its platform, so no stale button
 * stays. A handover that is over forgets its posts after this last update.
 */
export async function refreshHandoverCards(deps: PostDeps, h: Handover): Promise<void> {
  const posts = (await postsOf(deps).get(h.id))?.posts ?? [];
  await Promise.allSettled(
    posts
      .filter((p) => p.kind === "card")
      .map(async (post) => {
        const person = deps.directory.get(post.personId);
        if (!person) return;
        const view = handoverCard(await translatorFor(deps, person), deps.directory, h, {
          viewer: person,
        });
        await deps.delivery.deliver(person, view, {
          key: `${post.key}:v${h.version}`,
          updates: post.key,
        });
      }),
  );
  if (!isOpen(h) && posts.length > 0) await postsOf(deps).delete(h.id);
}

/**
 * Tells people about a change of the handover in a short notice, each in their own language and,
 * where the platform has threads, under the first message they got about it. Returns who could not
 * be reached.
 */
export async function noticeAbout(
  deps: PostDeps,
  h: Handover,
  people: Person[],
  tag: string,
  build: (t: Translator, person: Person) => View,
): Promise<Person[]> {
  const posts = (await postsOf(deps).get(h.id))?.posts ?? [];
  const sent: HandoverPost[] = [];
  const results = await Promise.allSettled(
    people.map(async (person) => {
      const key = `notice:${h.id}:${h.version}:${tag}:${person.id}`;
      const first = posts.find((p) => p.personId === person.id)?.key;
      const view = build(await translatorFor(deps, person), person);
      await deps.delivery.deliver(person, view, { key, ...(first ? { threadOf: first } : {}) });
      if (!first) sent.push({ key, personId: person.id, kind: "notice" });
    }),
  );
  if (isOpen(h) && sent.length > 0) await rememberPosts(deps, h.id, sent);
  return people.filter((_, i) => results[i]?.status === "rejected");
}
