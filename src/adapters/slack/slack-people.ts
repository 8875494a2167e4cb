import type { webApi } from "@slack/bolt";
import type { ChatAddresses } from "../../app/chat-addresses.js";
import type { PeopleDirectory } from "../../domain/directory.js";
import type { Person } from "../../domain/org.js";

/** users.info answers meaning "no such person to us": the same polite refusal as a stranger. */
const NOT_A_USER = new Set(["user_not_found", "user_not_visible"]);

/** How long a Slack user not found in the directory is remembered as unknown. */
const UNKNOWN_TTL_MS = 60_000;

/**
 * Maps a Slack user id to a directory person: the directory's Slack id, an address learned before,
 * or the e-mail users.info gives (then learned, so queued messages reach them after a restart).
 */
export class SlackPeople {
  private readonly unknownUntil = new Map<string, number>();
  private readonly pending = new Map<string, Promise<Person | undefined>>();

  constructor(
    private readonly directory: PeopleDirectory,
    private readonly learned: ChatAddresses,
    private readonly client: webApi.WebClient,
  ) {}

  /** The person, or undefined when they are not in the directory. */
  async find(slackUserId: string): Promise<Person | undefined> {
    const known = await this.known(slackUserId);
    if (known) return known;
    if ((this.unknownUntil.get(slackUserId) ?? 0) > Date.now()) return undefined;
    let lookup = this.pending.get(slackUserId);
    if (!lookup) {
      lookup = this.byEmail(slackUserId).finally(() => this.pending.delete(slackUserId));
      this.pending.set(slackUserId, lookup);
    }
    return lookup;
  }

  /** The person when the directory or a learned address already names them; no Web API call. */
  async known(slackUserId: string): Promise<Person | undefined> {
    const direct = this.directory.bySlackUser(slackUserId);
    if (direct) return direct;
    const learnedId = await this.learned.personIdAt(slackUserId);
    return learnedId ? this.directory.get(learnedId) : undefined;
  }

  private async byEmail(slackUserId: string): Promise<Person | undefined> {
    let email: string | undefined;
    try {
      email = (await this.client.users.info({ user: slackUserId })).user?.profile?.email;
    } catch (error) {
      if (!NOT_A_USER.has((error as { data?: { error?: string } }).data?.error ?? "")) throw error;
    }
    const person = email ? this.directory.byEmail(email) : undefined;
    if (!person) {
      this.unknownUntil.set(slackUserId, Date.now() + UNKNOWN_TTL_MS);
      return undefined;
    }
    if (!person.slackUserId) await this.learned.learn(person, slackUserId);
    return person;
  }
}
