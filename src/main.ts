import { pino } from "pino";
import { buildApp } from "./app-wiring.js";
import { loadConfig } from "./config/config.js";

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
    app.server.close();
    await app.store.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: Error) => {
  pino().fatal(error.message);
  process.exit(1);
});
