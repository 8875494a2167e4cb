import { startFakeSlack } from "../test/fakes/fake-slack.js";

/** The fake Slack Web API in its own process, so recording the bot's calls does not slow the load. */
const fake = await startFakeSlack();
console.log(JSON.stringify({ apiUrl: fake.apiUrl, respondBase: fake.responseUrl("") }));
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
