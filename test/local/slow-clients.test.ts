import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { pino } from "pino";
import type { Server } from "restify";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_HTTP_LIMITS } from "../../src/http-limits.js";
import { createHttpServer } from "../../src/server.js";

const LIMITS = { headersTimeoutMs: 300, requestTimeoutMs: 600, maxConnections: 3 };
/** The trickling client would go on for 30 s; the server must cut it long before. */
const TRICKLE_STEPS = 300;
const TRICKLE_MS = 100;

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of servers.splice(0)) s.close();
});

async function start(): Promise<number> {
  const server = createHttpServer(pino({ level: "silent" }), LIMITS);
  server.get("/slow", async (_req, res) => {
    await new Promise((resolve) => setTimeout(resolve, LIMITS.requestTimeoutMs * 2));
    res.send(200, { done: true });
  });
  server.post("/echo", async (req, res) => {
    res.send(200, req.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.on("error", reject);
    sockets.push(socket);
  });
}

/** Sends `first`, then one `piece` every 100 ms; resolves with how many went out before the server closed. */
function trickle(
  socket: Socket,
  first: string,
  piece: string,
): Promise<{ sent: number; received: string }> {
  return new Promise((resolve) => {
    let sent = 0;
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString();
    });
    socket.write(first);
    const timer = setInterval(() => {
      if (sent >= TRICKLE_STEPS || socket.destroyed) return;
      sent++;
      socket.write(piece);
    }, TRICKLE_MS);
    socket.once("close", () => {
      clearInterval(timer);
      resolve({ sent, received });
    });
  });
}

/** The status of GET /healthz once a connection is accepted again (a dropped one is retried). */
async function statusOnceFree(port: number): Promise<number | string> {
  let last: number | string = "never answered";
  for (let i = 0; i < 50; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
        signal: AbortSignal.timeout(2_000),
      });
      return res.status;
    } catch (error) {
      last = (error as Error).message;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return last;
}

describe("slow clients cannot hold the server's sockets", () => {
  it("cuts a client that sends its headers a line at a time (slow-loris)", async () => {
    const socket = await open(await start());
    const cut = await trickle(
      socket,
      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n",
      "X-Slow: 1\r\n",
    );
    expect([cut.sent < TRICKLE_STEPS, cut.received]).toEqual([true, ""]);
  });

  it("cuts a client that sends its body a byte at a time", async () => {
    const socket = await open(await start());
    const head = `POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${TRICKLE_STEPS + 10}\r\n\r\n`;
    const cut = await trickle(socket, head, " ");
    expect([cut.sent < TRICKLE_STEPS, cut.received]).toEqual([true, ""]);
  });

  it("cuts a kept-alive connection whose next request trickles in", async () => {
    const socket = await open(await start());
    const first = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /healthz HTTP/1.1\r\n";
    const cut = await trickle(socket, first, "X-Slow: 1\r\n");
    expect(cut.sent).toBeLessThan(TRICKLE_STEPS);
    expect(cut.received.match(/200 OK/g)).toHaveLength(1);
  });

  it("closes connections over the cap at once and serves again once they are gone", async () => {
    const port = await start();
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => open(port)));
    const extra = await open(port);
    await new Promise((resolve) => extra.once("close", resolve));
    expect(held.every((s) => !s.destroyed)).toBe(true);
    for (const s of held) s.destroy();
    expect(await statusOnceFree(port)).toBe(200);
  });

  it("does not cut a request whose answer takes longer than the limits (only the client is timed)", async () => {
    const port = await start();
    const res = await fetch(`http://127.0.0.1:${port}/slow`);
    expect([res.status, await res.json()]).toEqual([200, { done: true }]);
  });

  it("gives the real server Node's header and request timeouts and a connection cap", () => {
    const server = createHttpServer(pino({ level: "silent" }));
    expect([
      server.server.headersTimeout,
      server.server.requestTimeout,
      server.server.maxConnections,
    ]).toEqual([
      DEFAULT_HTTP_LIMITS.headersTimeoutMs,
      DEFAULT_HTTP_LIMITS.requestTimeoutMs,
      DEFAULT_HTTP_LIMITS.maxConnections,
    ]);
  });
});
