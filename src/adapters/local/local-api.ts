import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { Conversation } from "../../app/conversation.js";
import type { PeopleDirectory } from "../../domain/directory.js";
import { translator } from "../../i18n/index.js";
import type { LocalInbox } from "./local-inbox.js";
import { toMessage } from "./message.js";

const messageBody = z.object({ from: z.string().min(1).max(64), text: z.string().max(4000) });
const actionBody = z.object({
  from: z.string().min(1).max(64),
  action: z.string().min(1).max(255),
  data: z.record(z.string(), z.unknown()).default({}),
});

const require = createRequire(import.meta.url);
const STATIC: Record<string, { file: string; type: string }> = {
  "/": {
    file: new URL("./public/index.html", import.meta.url).pathname,
    type: "text/html; charset=utf-8",
  },
  "/local/app.js": {
    file: new URL("./public/app.js", import.meta.url).pathname,
    type: "text/javascript; charset=utf-8",
  },
  "/local/style.css": {
    file: new URL("./public/style.css", import.meta.url).pathname,
    type: "text/css; charset=utf-8",
  },
  "/local/adaptivecards.js": {
    file: require.resolve("adaptivecards/dist/adaptivecards.min.js"),
    type: "text/javascript; charset=utf-8",
  },
};

function sendStatic(path: string) {
  const entry = STATIC[path];
  if (!entry) throw new Error(`no static file for ${path}`);
  const body = readFileSync(entry.file);
  return async (_req: Request, res: Response) => {
    res.writeHead(200, {
      "Content-Type": entry.type,
      "Content-Length": body.length,
      "Cache-Control": "no-cache",
    });
    res.end(body);
  };
}

function badRequest(
  res: Response,
  status: number,
  key: "local.api.bad_request" | "local.api.unknown_person",
) {
  res.send(status, { error: translator()(key) });
}

/** Mounts the local web chat and its JSON API (DESIGN.md "local API"). */
export function mountLocalApi(
  server: Server,
  conversation: Conversation,
  directory: PeopleDirectory,
  inbox: LocalInbox,
): void {
  for (const path of Object.keys(STATIC)) server.get(path, sendStatic(path));

  server.get("/local/people", async (_req: Request, res: Response) => {
    res.send(200, {
      people: directory.people.map(({ id, name, role, house, coordinator }) => ({
        id,
        name,
        role,
        house,
        coordinator: coordinator === true,
      })),
    });
  });

  server.post("/local/messages", async (req: Request, res: Response) => {
    const body = messageBody.safeParse(req.body);
    if (!body.success) return badRequest(res, 400, "local.api.bad_request");
    if (!directory.get(body.data.from)) return badRequest(res, 404, "local.api.unknown_person");
    const views = await conversation.onText(body.data.from, body.data.text);
    res.send(200, { replies: views.map(toMessage) });
  });

  server.post("/local/actions", async (req: Request, res: Response) => {
    const body = actionBody.safeParse(req.body);
    if (!body.success) return badRequest(res, 400, "local.api.bad_request");
    if (!directory.get(body.data.from)) return badRequest(res, 404, "local.api.unknown_person");
    const reply = await conversation.onAction(body.data.from, body.data.action, body.data.data);
    if (reply.ok) res.send(200, { replies: reply.replies.map(toMessage) });
    else res.send(422, { errors: reply.errors, form: toMessage(reply.form) });
  });

  server.get("/local/inbox/:personId", async (req: Request, res: Response) => {
    const personId = String(req.params.personId ?? "");
    if (!directory.get(personId)) return badRequest(res, 404, "local.api.unknown_person");
    const after = Number((req.query as Record<string, string> | undefined)?.after ?? 0) || 0;
    const messages = inbox
      .messages(personId, after)
      .map((m) => ({ ...toMessage(m.view), seq: m.seq, at: m.at }));
    res.send(200, { messages });
  });
}
