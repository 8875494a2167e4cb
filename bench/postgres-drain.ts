import { join } from "node:path";
import pg from "pg";
import { loadDirectory } from "../src/adapters/directory/load-directory.js";
import type { OutboxMessage } from "../src/ports/outbox.js";
import { startFakeSlack } from "../test/fakes/fake-slack.js";
import { writeOrgFile } from "../test/slack/slack-support.js";
import { type Server, startServer, stopServer } from "./child.js";
import type { BenchDatabases } from "./postgres.js";

const MESSAGES = 1000;
/** Slack's pace per conversation, as the Slack transport declares it: one post a second. */
const SLACK_PACE_MS = 1000;
const SECRET = "bench-signing-secret";

/** `MESSAGES` pending reminder cards spread round-robin over everyone in the directory. */
function reminders(people: readonly string[], now: string): OutboxMessage[] {
  return Array.from({ length: MESSAGES }, (_, i) => ({
    id: `key:bench-reminder:${i}`,
    channel: "slack",
    personId: people[i % people.length] ?? "adv-fyn-1",
    view: { title: "Påmindelse", text: [`Bench-påmindelse nr. ${i}`] },
    createdAt: now,
    state: "pending",
    attempts: 0,
    notBefore: now,
  }));
}

async function queue(url: string, messages: OutboxMessage[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const m of messages)
      await client.query("INSERT INTO records (collection, id, data) VALUES ('outbox', $1, $2)", [
        m.id,
        JSON.stringify(m),
      ]);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/**
 * Queues 1,000 reminder cards in the database, starts the replicas in Slack mode against a fake
 * Slack and times the posts from the first to the last, against the floor Slack's one-a-second
 * per conversation sets for the busiest conversation; counts any card posted twice.
 */
export async function drainBench(
  dbs: BenchDatabases,
  template: string,
  replicas: number,
  dir: string,
  nodeArgs: readonly string[],
): Promise<string> {
  const db = await dbs.create(template);
  const orgFile = writeOrgFile();
  const people = loadDirectory(orgFile).people.map((p) => p.id);
  const messages = reminders(people, new Date().toISOString());
  await queue(dbs.urlOf(db), messages);
  const perConversation = Math.ceil(MESSAGES / people.length);
  const floorMs = (perConversation - 1) * SLACK_PACE_MS;
  const fake = await startFakeSlack();
  const seenAt: number[] = [];
  const posts = () => fake.ok("chat.postMessage");
  const watch = setInterval(() => {
    while (seenAt.length < posts().length) seenAt.push(performance.now());
  }, 10);
  const servers: Server[] = [];
  try {
    for (let i = 0; i < replicas; i++) {
      const env = {
        DATABASE_URL: dbs.urlOf(db),
        DATA_FILE: join(dir, `drain-${replicas}-${i}`, "data.json"),
        ORG_FILE: orgFile,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_API_URL: fake.apiUrl,
      };
      servers.push(await startServer(env, nodeArgs));
    }
    const giveUpAt = performance.now() + floorMs * 3 + 60_000;
    let quietSince = performance.now();
    let last = 0;
    while (performance.now() < giveUpAt) {
      await new Promise((r) => setTimeout(r, 200));
      if (posts().length !== last) {
        last = posts().length;
        quietSince = performance.now();
      }
      if (last >= MESSAGES && performance.now() - quietSince > 3000) break;
    }
    const texts = posts().map(
      (c) => JSON.stringify(c.args).match(/Bench-påmindelse nr\. \d+/)?.[0],
    );
    const unique = new Set(texts).size;
    const spanMs = (seenAt.at(-1) ?? 0) - (seenAt[0] ?? 0);
    return `  outbox drain, ${replicas} replica${replicas > 1 ? "s" : ""}: ${unique} of ${MESSAGES} reminders delivered, ${texts.length - unique} twice, ${(spanMs / 1000).toFixed(1)} s first to last post vs a floor of ${(floorMs / 1000).toFixed(0)} s (${perConversation} per conversation at 1/s) = ${((spanMs / floorMs) * 100).toFixed(0)}% of the floor`;
  } finally {
    clearInterval(watch);
    for (const s of servers) await stopServer(s);
    await fake.close();
  }
}
