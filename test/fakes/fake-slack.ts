import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A Web API call as the fake received it (form or JSON body; JSON-valued fields decoded). */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered (a posted message's channel and ts). */
  result?: Record<string, unknown>;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

/** A post to a response_url (what Bolt's `respond` sends). */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

/** A file uploaded the external way: getUploadURLExternal, POST to upload_url, completeUploadExternal. */
export interface UploadedFile {
  id: string;
  filename: string;
  /** The length files.getUploadURLExternal was told. */
  length: number;
  /** The bytes POSTed to the upload_url (undefined until then). */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal. */
  title?: string;
  channel?: string;
  comment?: string;
}

/** A canned failure for the next calls of one method. */
export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

/** A local stand-in for the Slack Web API and response_urls, speaking Slack's wire format. */
export interface FakeSlack {
  /** The Web API base (SLACK_API_URL). */
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ResponsePost[];
  /** Files the bot started uploading, completed or not. */
  readonly files: UploadedFile[];
  /** Files completed into this channel (shared there), in upload order. */
  shared(channel: string): UploadedFile[];
  /** A response_url on this fake. */
  responseUrl(id: string): string;
  /** The next `times` calls of `method` fail this way (a 429 carries Retry-After). */
  fail(method: string, failure: Failure, times?: number): void;
  /** The next `times` calls of `method` are answered only after `ms` (a slow Slack). */
  slow(method: string, ms: number, times?: number): void;
  /** users.info answers with this e-mail for the user id; users.lookupByEmail finds the id. */
  setEmail(userId: string, email: string): void;
  /** A posted message as it reads now (after any chat.update): the last call's arguments. */
  message(channel: string, ts: string): Record<string, unknown> | undefined;
  /** Successful calls of one method (failed attempts are in `attempts`). */
  ok(method: string): ApiCall[];
  attempts(method: string): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function decode(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      args[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      args[k] = v;
    }
  }
  return args;
}

/** The bytes of an upload: the file part of a multipart form (as the SDK sends it), or the raw body. */
async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.startsWith("multipart/form-data")) return raw;
  const form = await new Response(new Uint8Array(raw), {
    headers: { "content-type": contentType },
  }).formData();
  let part: Blob | undefined;
  form.forEach((value) => {
    if (typeof value !== "string") part ??= value;
  });
  return part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
}

function send(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: (ApiCall & { failed: boolean })[] = [];
  const responses: ResponsePost[] = [];
  const failures = new Map<string, Failure[]>();
  const emails = new Map<string, string>();
  const delays = new Map<string, number[]>();
  const files: UploadedFile[] = [];
  const messages = new Map<string, Record<string, unknown>>();
  const messageOf = (args: Record<string, unknown>) => ({
    type: "message",
    text: args.text,
    blocks: args.blocks,
    ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
  });
  let base = "";
  let ts = 1795766512;
  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    ts += 1;
    if (method === "auth.test") return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" };
    if (method === "chat.postMessage") {
      const posted = `${ts}.000100`;
      messages.set(`${args.channel}/${posted}`, args);
      return { ok: true, channel: args.channel, ts: posted, message: messageOf(args) };
    }
    if (method === "chat.update") {
      if (!args.channel || !args.ts) return { ok: false, error: "invalid_arguments" };
      messages.set(`${args.channel}/${args.ts}`, args);
      const message = messageOf(args);
      return { ok: true, channel: args.channel, ts: args.ts, text: args.text, message };
    }
    if (method === "views.open" || method === "views.publish")
      return { ok: true, view: { id: `V${ts}`, ...(args.view as object) } };
    if (method === "files.getUploadURLExternal") {
      const length = Number(args.length);
      if (!args.filename || !Number.isInteger(length) || length <= 0)
        return { ok: false, error: "invalid_arguments" };
      const id = `F0${ts}`;
      files.push({ id, filename: String(args.filename), length });
      return { ok: true, upload_url: `${base}/upload/v1/${id}`, file_id: id };
    }
    if (method === "files.completeUploadExternal") return complete(args);
    if (method === "users.info") {
      const email = emails.get(String(args.user));
      if (!email) return { ok: false, error: "user_not_found" };
      return { ok: true, user: { id: args.user, profile: { email } } };
    }
    if (method === "users.lookupByEmail") {
      const email = String(args.email).toLowerCase();
      const user = [...emails].find(([, e]) => e.toLowerCase() === email)?.[0];
      if (!user) return { ok: false, error: "users_not_found" };
      return {
        ok: true,
        user: { id: user, team_id: "T05K8QX2M1P", name: email.split("@")[0], profile: { email } },
      };
    }
    return { ok: false, error: "unknown_method" };
  };
  const complete = (args: Record<string, unknown>): Record<string, unknown> => {
    const wanted = Array.isArray(args.files)
      ? (args.files as { id?: string; title?: string }[])
      : [];
    const found = wanted.map((w) => files.find((f) => f.id === w.id && f.bytes));
    if (wanted.length === 0 || found.some((f) => !f))
      return { ok: false, error: "invalid_arguments" };
    const channel = typeof args.channel_id === "string" ? args.channel_id : undefined;
    if (channel !== undefined && !/^[CGDZ][A-Z0-9]{8,}$/.test(channel))
      return { ok: false, error: "invalid_arguments" };
    const done = found as UploadedFile[];
    for (const [i, file] of done.entries())
      Object.assign(file, { title: wanted[i]?.title, channel, comment: args.initial_comment });
    return {
      ok: true,
      files: done.map((f) => ({ id: f.id, name: f.filename, title: f.title, size: f.length })),
    };
  };
  const server = createServer(async (req, res) => {
    const at = Date.now();
    const body = await readBody(req);
    const raw = body.toString("utf8");
    const url = req.url ?? "";
    const contentType = req.headers["content-type"] ?? "";
    if (url.startsWith("/upload/v1/")) {
      const file = files.find((f) => f.id === url.slice("/upload/v1/".length));
      if (!file) return send(res, 404, { ok: false, error: "file_not_found" });
      file.bytes = await uploadedBytes(body, contentType);
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end(`OK - ${file.bytes.byteLength}`);
    }
    if (url === "/_stats")
      return send(res, 200, { responses: responses.length, calls: calls.length });
    if (url.startsWith("/respond/")) {
      responses.push({ id: url.slice("/respond/".length), body: decode(raw, contentType) });
      return send(res, 200, { ok: true });
    }
    const method = url.replace(/^\/api\//, "").split("?")[0] ?? "";
    const args = decode(raw, contentType);
    const token = req.headers.authorization?.replace(/^Bearer /, "");
    const delay = delays.get(method)?.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const failure = failures.get(method)?.shift();
    const call = { method, args, token, at, failed: failure !== undefined };
    calls.push(call);
    if (!failure) {
      const result = answer(method, args);
      Object.assign(call, { result });
      return send(res, 200, result);
    }
    if ("error" in failure) return send(res, 200, { ok: false, error: failure.error });
    if (failure.status === 429)
      return send(
        res,
        429,
        { ok: false, error: "ratelimited" },
        { "retry-after": String(failure.retryAfter) },
      );
    return send(res, 500, { ok: false, error: "internal_error" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    files,
    shared: (channel) => files.filter((f) => f.channel === channel),
    responseUrl: (id) => `${base}/respond/${id}`,
    fail(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    slow(method, ms, times = 1) {
      delays.set(method, [...(delays.get(method) ?? []), ...Array<number>(times).fill(ms)]);
    },
    setEmail: (userId, email) => void emails.set(userId, email),
    message: (channel, ts) => messages.get(`${channel}/${ts}`),
    ok: (method) => calls.filter((c) => c.method === method && !c.failed),
    attempts: (method) => calls.filter((c) => c.method === method).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
