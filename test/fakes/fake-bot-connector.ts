import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import jwt from "jsonwebtoken";

/** A request the fake connector received. */
export interface ConnectorCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** The id the fake gave a posted activity. */
  id?: string;
}

/** A member as `GET /v3/conversations/{id}/members/{memberId}` returns it (TeamsChannelAccount). */
export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

/** The issuer Bot Framework puts in the tokens it sends to bots. */
export const CHANNEL_ISSUER = "https://api.botframework.com";
const KEY_ID = "fake-connector-key";

/**
 * A local stand-in for the Bot Framework: the connector REST API (send, reply, update, create
 * conversation, get member), the OpenID metadata and keys that sign channel tokens, and the token
 * endpoint the bot gets its own token from. It records every call and can answer the next sends
 * with a failure (e.g. 429 with Retry-After).
 */
export interface FakeBotConnector {
  readonly url: string;
  /** Every connector call (token and OpenID requests excluded), in order; `path` from /v3/ on. */
  readonly calls: ConnectorCall[];
  /** Activities the bot posted or updated, with the conversation they went to. */
  activities(conversationId?: string): ConnectorCall[];
  members: Map<string, FakeMember>;
  /**
   * The next `count` activity posts (to one conversation, if named) get this status and headers;
   * status 0 answers 201 only after 3 seconds (a connector that hangs).
   */
  failNext(
    count: number,
    status: number,
    headers?: Record<string, string>,
    conversationId?: string,
  ): void;
  /** A channel token for the bot, signed with the fake's key (or `otherKey` to forge one). */
  token(claims: { appId: string; serviceUrl: string }, options?: { otherKey?: boolean }): string;
  /** Resolves once `predicate` holds for the recorded calls (polls; rejects after `ms`). */
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

function rsaKey() {
  return generateKeyPairSync("rsa", { modulusLength: 2048 });
}

function send(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the fake on 127.0.0.1 (a free port). */
export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const key = rsaKey();
  const forger = rsaKey();
  const jwk = key.publicKey.export({ format: "jwk" });
  const calls: ConnectorCall[] = [];
  const members = new Map<string, FakeMember>();
  const failures: { status: number; headers: Record<string, string>; conversation?: string }[] = [];
  let nextId = 1;
  let url = "";

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const fullPath = new URL(req.url ?? "/", "http://fake").pathname;
      const at = fullPath.indexOf("/v3/");
      const path = at > 0 ? fullPath.slice(at) : fullPath;
      const raw = Buffer.concat(chunks).toString("utf8");
      if (fullPath === "/openid")
        return send(res, 200, { issuer: CHANNEL_ISSUER, jwks_uri: `${url}/keys` });
      if (fullPath === "/keys")
        return send(res, 200, {
          keys: [{ ...jwk, kid: KEY_ID, use: "sig", endorsements: ["msteams"] }],
        });
      if (fullPath.endsWith("/oauth2/v2.0/token"))
        return send(res, 200, {
          token_type: "Bearer",
          expires_in: 3600,
          access_token: "bot-token",
        });
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return send(res, 400, { error: { code: "BadSyntax", message: "bad JSON" } });
      }
      calls.push({ method: req.method ?? "", path, headers: req.headers, body });
      const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
      // v3 conversations {id} activities {activityId?} | v3 conversations {id} members {memberId}
      if (parts[0] !== "v3" || parts[1] !== "conversations")
        return send(res, 404, { error: { code: "NotFound" } });
      if (req.method === "POST" && parts.length === 2)
        return send(res, 201, { id: `a:created-${randomUUID()}` });
      if (req.method === "GET" && parts[3] === "members") {
        const member = members.get(parts[4] ?? "");
        return member
          ? send(res, 200, member)
          : send(res, 404, { error: { code: "MemberNotFound", message: "no such member" } });
      }
      if (parts[3] !== "activities") return send(res, 404, { error: { code: "NotFound" } });
      if (req.method === "POST") {
        const index = failures.findIndex((f) => !f.conversation || f.conversation === parts[2]);
        const [failure] = index >= 0 ? failures.splice(index, 1) : [];
        if (failure?.status === 0)
          return void setTimeout(() => send(res, 201, { id: `act-${nextId++}` }), 3_000);
        if (failure)
          return send(res, failure.status, { error: { code: "Throttled" } }, failure.headers);
        const id = `act-${nextId++}`;
        Object.assign(calls.at(-1) ?? {}, { id });
        return send(res, 201, { id });
      }
      if (req.method === "PUT") {
        if (body.type !== "message" || body.id !== parts[4])
          return send(res, 400, { error: { code: "BadArgument", message: "not this activity" } });
        return send(res, 200, { id: parts[4] });
      }
      return send(res, 405, { error: { code: "MethodNotAllowed" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const isActivity = (c: ConnectorCall) =>
    (c.method === "POST" || c.method === "PUT") && c.path.includes("/activities");
  return {
    url,
    calls,
    members,
    activities: (conversationId) =>
      calls.filter(
        (c) =>
          isActivity(c) &&
          (conversationId === undefined ||
            c.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/`)),
      ),
    failNext(count, status, headers = {}, conversation) {
      for (let i = 0; i < count; i++) failures.push({ status, headers, conversation });
    },
    token({ appId, serviceUrl }, options = {}) {
      const signer = options.otherKey ? forger.privateKey : key.privateKey;
      return jwt.sign({ serviceurl: serviceUrl }, signer, {
        algorithm: "RS256",
        keyid: KEY_ID,
        issuer: CHANNEL_ISSUER,
        audience: appId,
        expiresIn: "5m",
      });
    },
    async waitFor(predicate, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!predicate(calls)) {
        if (Date.now() > deadline)
          throw new Error(`the fake connector did not see it within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
