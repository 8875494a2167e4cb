import { App, LogLevel } from "@slack/bolt";

/** The reference for the Slack bench: Bolt's own HTTP receiver, a /henvis handler that only acks. */
const port = Number(process.env.PORT);
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  authorize: async () => ({ botToken: "xoxb-bench" }),
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
await app.start({ port, host: "127.0.0.1" });
console.log(`bare Bolt app on ${port}`);
