import { pino } from "pino";
import { buildApp } from "./app-wiring.js";
import { loadConfig } from "./config/config.js";

/** How long requests in flight get to finish on shutdown before the data file is closed. */
const STOP_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL });
  const app = await buildApp(config, log);
  await new Promise<void>((resolve) => app.server.listen(config.PORT, config.host, resolve));
  const address = app.server.address();
  const url = `http://${config.host}:${address.port}`;
  log.info(
    { url, localMode: config.localMode, dataFile: config.DATA_FILE },
    config.localMode ? `Eksportbro local chat: ${url}` : "Eksportbro listening",
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    const closed = new Promise<void>((resolve) => app.server.close(() => resolve()));
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS))]);
    try {
      await app.store.close();
      process.exit(0);
    } catch (err) {
      log.error(
        { err },
        "closing the data file failed; the journal keeps every acknowledged write",
      );
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: Error) => {
  pino().fatal(error.message);
  process.exit(1);
});
