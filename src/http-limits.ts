import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/** How long clients get to send what they must; a slow-loris client is cut off after these. */
export interface HttpLimits {
  /** From a connection (or the end of the previous answer on it) to the request's last header. */
  headersTimeoutMs: number;
  /** From the request's first byte to its last body byte. */
  requestTimeoutMs: number;
  /** Open connections at once; Node closes any more at once. */
  maxConnections: number;
}

/** Chat platforms send a few kB at once; nobody legitimate needs longer than this. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 256,
};

const deadline = Symbol("header deadline");
type TimedSocket = Socket & { [deadline]?: NodeJS.Timeout };

function armHeaderDeadline(socket: TimedSocket, ms: number): void {
  clearTimeout(socket[deadline]);
  socket[deadline] = setTimeout(() => socket.destroy(), ms).unref();
}

/**
 * Node's own headersTimeout and requestTimeout are checked only every 30 s, so each socket also
 * gets its own deadlines: headers within `headersTimeoutMs`, the whole request within
 * `requestTimeoutMs`. The time a handler takes to answer is not limited here.
 */
export function applyHttpLimits(server: HttpServer, limits: HttpLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on("connection", (socket: TimedSocket) => {
    armHeaderDeadline(socket, limits.headersTimeoutMs);
    socket.once("close", () => clearTimeout(socket[deadline]));
  });
  server.on("request", (req: IncomingMessage, res) => {
    const socket = req.socket as TimedSocket;
    clearTimeout(socket[deadline]);
    const body = setTimeout(() => {
      if (!req.complete) socket.destroy();
    }, limits.requestTimeoutMs).unref();
    req.once("end", () => clearTimeout(body));
    res.once("close", () => {
      clearTimeout(body);
      if (!socket.destroyed) armHeaderDeadline(socket, limits.headersTimeoutMs);
    });
  });
}
