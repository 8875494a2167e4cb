import { type App, buildApp } from "./app-wiring.js";
import { loadConfig } from "./config/config.js";
import { createLogger, routeConsoleTo } from "./logger.js";

/** How long requests in flight get to finish on shutdown before the data file is closed. */
const STOP_GRACE_MS = 5_000;
/** How long the outbox, tick and store get to finish before the process exits anyway. */
const CLOSE_GRACE_MS = 10_000;

/** Starts listening; a port in use becomes a sentence naming PORT instead of a stack trace. */
function listen(app: App, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    app.server.once("error", (error: NodeJS.ErrnoException) => {
      const taken = error.code === "EADDRINUSE" || error.code === "EACCES";
      reject(
        taken
          ? new Error(
              `PORT ${port} on ${host} cannot be used (${error.code}): another program has it, or it needs privileges. Choose another PORT.`,
            )
          : error,
      );
    });
    app.server.listen(port, host, resolve);
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  routeConsoleTo(log);
  const app = await buildApp(config, log);
  try {
    await listen(app, config.PORT, config.host);
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const url = `http://${config.host}:${address.port}`;
  log.info(
    {
      url,
      localMode: config.localMode,
      storage: config.databaseUrl ? "postgres" : config.DATA_FILE,
    },
    config.localMode ? `Eksportbro local chat: ${url}` : "Eksportbro listening",
  );
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    const closed = new Promise<void>((resolve) => app.server.close(() => resolve()));
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS))]);
    try {
      const closed = await Promise.race([
        app.close().then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), CLOSE_GRACE_MS).unref()),
      ]);
      if (!closed)
        log.error(
          { waitedMs: CLOSE_GRACE_MS },
          "closing did not finish in time (a send could not be recorded); exiting, the journal keeps every acknowledged write",
        );
      process.exit(closed ? code : code || 1);
    } catch (err) {
      log.error(
        { err },
        "closing the data file failed; the journal keeps every acknowledged write",
      );
      process.exit(1);
    }
  };
  void app.lockLost.then(() => stop("lock lost", 1));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: Error) => {
  createLogger("fatal").fatal(error.message);
  process.exit(1);
});
