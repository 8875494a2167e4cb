import { setTimeout as sleep } from "node:timers/promises";
import { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { ChatAddresses } from "../../app/chat-addresses.js";
import type { PeopleDirectory } from "../../domain/directory.js";
import type { Person } from "../../domain/org.js";

/** users.lookupByEmail is Tier 3 (50+ a minute): one call a second stays well inside it. */
const PACE_MS = 1_000;
/** Answers that end the whole run: the app cannot look anyone up. */
const FATAL = new Set(["missing_scope", "invalid_auth", "not_authed", "token_revoked"]);

/** What the start-up look-up needs. */
export interface LearnSlackIdsDeps {
  directory: PeopleDirectory;
  learned: ChatAddresses;
  client: webApi.WebClient;
  log: Logger;
  signal: AbortSignal;
  paceMs?: number;
}

/**
 * Finds the Slack user id of every directory person who has an e-mail but no Slack id (nor one
 * learned before) by users.lookupByEmail, and learns it, so the outbox (whose canReach cannot wait
 * for the Web API) can DM them before they ever write to the bot. Paced, 429 waited out; someone
 * not in Slack yet is learned when they first use the bot (users.info) or at the next start.
 */
export async function learnSlackIdsByEmail(deps: LearnSlackIdsDeps): Promise<number> {
  const { directory, learned, client, log, signal } = deps;
  const wanted: Person[] = [];
  for (const p of directory.people)
    if (p.email && !p.slackUserId && !(await learned.of(p))) wanted.push(p);
  let found = 0;
  for (const [i, person] of wanted.entries()) {
    if (i > 0) await sleep(deps.paceMs ?? PACE_MS, undefined, { signal, ref: false });
    for (let attempt = 0; attempt < 3 && !signal.aborted; attempt++) {
      try {
        const res = await client.users.lookupByEmail({ email: person.email as string });
        if (res.user?.id && !signal.aborted) {
          await learned.learn(person, res.user.id);
          found++;
        }
        break;
      } catch (error) {
        const e = error as { code?: string; retryAfter?: number; data?: { error?: string } };
        if (e.code === webApi.ErrorCode.RateLimitedError) {
          await sleep((e.retryAfter ?? 1) * 1000, undefined, { signal, ref: false });
          continue;
        }
        const reason = e.data?.error ?? (error as Error).message;
        if (FATAL.has(reason)) {
          log.warn({ reason }, "Slack ids cannot be looked up by e-mail; people get them on use");
          return found;
        }
        if (reason !== "users_not_found")
          log.warn({ reason, person: person.id }, "users.lookupByEmail failed");
        break;
      }
    }
  }
  return found;
}
