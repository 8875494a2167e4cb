import { type App, buildApp } from "./app-wiring.js";
import { loadConfig } from "./config/config.js";
import { createLogger } from "./logger.js";

/** How long requests in flight get to finish on shutdown before the data file is closed. */
const STOP_GRACE_MS = 5_000;

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
      await app.close();
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
  createLogger("fatal").fatal(error.message);
  process.exit(1);
});
