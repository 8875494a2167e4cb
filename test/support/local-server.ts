import { afterAll, beforeAll } from "vitest";
import { type RunningServer, removeServerDirs, startServer } from "./start-server.js";

/**
 * The real server in local mode for the tests of a file: the hooks start it before the first test
 * (`env` read then) and stop it after the last; the returned object is the server from then on.
 */
export function useLocalServer(env: () => Record<string, string> = () => ({})): RunningServer {
  const server = {} as RunningServer;
  beforeAll(async () => {
    Object.assign(server, await startServer(env()));
  });
  afterAll(async () => {
    await (server as Partial<RunningServer>).stop?.();
    removeServerDirs();
  });
  return server;
}

/** POSTs `body` as JSON to `path` on a running server (the local chat's API takes JSON). */
export function postJson(server: { url: string }, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
