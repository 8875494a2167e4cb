import { vegaChartRenderer } from "../../src/adapters/charts/vega-chart-renderer.js";
import {
  DEMO_COMPANIES_FILE,
  FixtureLookup,
  loadFixtureFile,
} from "../../src/adapters/cvr/fixture-lookup.js";
import { loadDirectory } from "../../src/adapters/directory/load-directory.js";
import { MemoryFileStore } from "../../src/adapters/files/memory-file-store.js";
import { LocalInbox } from "../../src/adapters/local/local-inbox.js";
import { reportWriters } from "../../src/adapters/reports/report-writers.js";
import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import type { Channel } from "../../src/app/channel.js";
import { createConversation } from "../../src/app/conversation.js";
import type { Deps } from "../../src/app/deps.js";
import type { Feature } from "../../src/app/feature.js";
import { createPlansFeature } from "../../src/app/plans/plans-feature.js";
import { privacyFeature } from "../../src/app/privacy/privacy-feature.js";
import { remindersFeature } from "../../src/app/reminders/reminders-feature.js";
import type { LookupResult } from "../../src/domain/company.js";
import type { Cvr } from "../../src/domain/cvr.js";
import { DEFAULT_REMINDER_CONFIG } from "../../src/domain/reminder-config.js";
import type { CompanyLookup } from "../../src/ports/company-lookup.js";
import { renderPlainText } from "../../src/renderers/plain-text.js";
import type { View } from "../../src/views/view.js";

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current = new Date("2026-11-27T08:00:00Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A register that can be told to fail, on top of the demo fixture. */
export class SwitchableLookup implements CompanyLookup {
  down = false;
  readonly inner = new FixtureLookup(loadFixtureFile(DEMO_COMPANIES_FILE));
  async lookup(cvr: Cvr): Promise<LookupResult> {
    return this.down
      ? { kind: "unavailable", reason: "test: register down" }
      : this.inner.lookup(cvr);
  }
}

/**
 * The whole core over its in-memory twins: the demo directory, a memory store, the demo CVR
 * fixture and the chat twin (LocalInbox) that records what every person is sent.
 */
export function makeBot(features: (deps: Deps) => Feature[] = () => []) {
  const clock = new TestClock();
  const inbox = new LocalInbox(() => clock.now());
  const lookup = new SwitchableLookup();
  let n = 0;
  const deps: Deps = {
    store: openMemoryStore(),
    directory: loadDirectory(),
    lookup,
    delivery: inbox,
    clock,
    ids: { next: (prefix) => `${prefix}_${++n}` },
  };
  const conversation = createConversation(deps, features(deps));
  return {
    deps,
    clock,
    inbox,
    lookup,
    conversation,
    /** `person` types `text`; returns the replies as plain text. */
    async says(person: string, text: string, channel: Channel = "local"): Promise<string> {
      return (await conversation.onText(person, text, channel))
        .map(renderPlainText)
        .join("\n---\n");
    },
    async replies(person: string, text: string, channel: Channel = "local"): Promise<View[]> {
      return conversation.onText(person, text, channel);
    },
    /** `person` presses a button or submits a form. */
    act(person: string, action: string, data: Record<string, unknown>, channel: Channel = "local") {
      return conversation.onAction(person, action, data, channel);
    },
    /** Everything `person` was sent outside replies, as plain text. */
    notices(person: string): string[] {
      return inbox.views(person).map(renderPlainText);
    },
    lastNotice(person: string): View | undefined {
      return inbox.views(person).at(-1);
    },
  };
}

/** The action with this id on a view (top-level or in list items), or a test failure. */
export function findAction(view: View | undefined, id: string) {
  const all = [...(view?.actions ?? []), ...(view?.items ?? []).flatMap((i) => i.actions)];
  const action = all.find((a) => a.id === id);
  if (!action) throw new Error(`no action ${id} in ${JSON.stringify(all.map((a) => a.id))}`);
  return action;
}

/** The core with every feature the running bot has (action plans, reminders), over the twins. */
export function makeFullBot() {
  return makeBot((deps) => [
    createPlansFeature(deps, {
      files: new MemoryFileStore(),
      writers: reportWriters,
      charts: vegaChartRenderer,
    }),
    remindersFeature(deps, DEFAULT_REMINDER_CONFIG),
    privacyFeature(deps, new MemoryFileStore()),
  ]);
}

/** Every slash command /hjælp shows to a business developer, an advisor, a manager and the coordinator. */
export async function commandsInHelp(): Promise<string[]> {
  const bot = makeFullBot();
  const people = ["bd-fyn-1", "adv-fyn-1", "mgr-fyn", "adv-hovedstaden-1", "tc-manager"];
  const words = new Set<string>();
  for (const person of people) {
    const [help] = await bot.replies(person, "/hjælp");
    for (const fact of help?.facts ?? [])
      for (const match of fact.label.matchAll(/\/([\p{L}]+)/gu)) words.add(match[1] ?? "");
  }
  return [...words].sort();
}
