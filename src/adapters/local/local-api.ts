import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { Conversation } from "../../app/conversation.js";
import { planReply } from "../../app/reply-plan.js";
import type { PeopleDirectory } from "../../domain/directory.js";
import type { Person } from "../../domain/org.js";
import { type Translator, translator } from "../../i18n/index.js";
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
    file: fileURLToPath(new URL("./public/index.html", import.meta.url)),
    type: "text/html; charset=utf-8",
  },
  "/local/app.js": {
    file: fileURLToPath(new URL("./public/app.js", import.meta.url)),
    type: "text/javascript; charset=utf-8",
  },
  "/local/style.css": {
    file: fileURLToPath(new URL("./public/style.css", import.meta.url)),
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

const t = translator();

function describePerson(tr: Translator, { id, name, role, house, coordinator }: Person) {
  const roles = [tr(`role.${role}`), ...(coordinator ? [tr("role.coordinator")] : [])].join(", ");
  const label = role === "tcManager" ? roles : tr("page.person_label", { roles, house });
  return { id, name, role, house, coordinator: coordinator === true, label };
}

const PAGE_KEYS = [
  "title",
  "lang",
  "i_am",
  "placeholder",
  "message",
  "send",
  "notice",
  "offline",
  "date_locale",
  "error_status",
] as const;

/** The page's own words in one language (the bot's messages come translated per person). */
function pageTexts(tr: Translator) {
  return Object.fromEntries(PAGE_KEYS.map((k) => [k, tr(`page.${k}`)]));
}

function badRequest(
  res: Response,
  status: number,
  key: "local.api.bad_request" | "local.api.unknown_person",
) {
  res.send(status, { error: t(key) });
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** An unexpected failure is logged and answered with a translated 500; never a silent drop. */
function safely(log: Logger, handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      log.error({ err, path: req.path() }, "local API request failed");
      res.send(500, { error: t("error.internal") });
    }
  };
}

/** Mounts the local web chat and its JSON API (DESIGN.md "local API"). */
export function mountLocalApi(
  server: Server,
  conversation: Conversation,
  directory: PeopleDirectory,
  inbox: LocalInbox,
  log: Logger,
): void {
  for (const path of Object.keys(STATIC)) server.get(path, sendStatic(path));

  server.get("/local/people", async (_req: Request, res: Response) => {
    res.send(200, {
      people: directory.people.map((p) => describePerson(t, p)),
      texts: pageTexts(t),
    });
  });

  server.get("/local/texts/:personId", async (req: Request, res: Response) => {
    const person = directory.get(String(req.params.personId ?? ""));
    if (!person) return badRequest(res, 404, "local.api.unknown_person");
    const tr = translator(await conversation.localeOf(person.id));
    res.send(200, { texts: pageTexts(tr), label: describePerson(tr, person).label });
  });

  server.post(
    "/local/messages",
    safely(log, async (req: Request, res: Response) => {
      const body = messageBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 400, "local.api.bad_request");
      if (!directory.get(body.data.from)) return badRequest(res, 404, "local.api.unknown_person");
      const views = await conversation.onText(body.data.from, body.data.text, "local");
      res.send(200, { replies: views.map(toMessage) });
    }),
  );

  server.post(
    "/local/actions",
    safely(log, async (req: Request, res: Response) => {
      const body = actionBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 400, "local.api.bad_request");
      if (!directory.get(body.data.from)) return badRequest(res, 404, "local.api.unknown_person");
      const { from, action, data } = body.data;
      const reply = await conversation.onAction(from, action, data, "local");
      const replaces = reply.ok && planReply(reply, false).replace !== undefined;
      if (reply.ok) res.send(200, { replies: reply.replies.map(toMessage), replaces });
      else res.send(422, { errors: reply.errors, form: toMessage(reply.form) });
    }),
  );

  server.get("/local/inbox/:personId", async (req: Request, res: Response) => {
    const personId = String(req.params.personId ?? "");
    if (!directory.get(personId)) return badRequest(res, 404, "local.api.unknown_person");
    const after = Number((req.query as Record<string, string> | undefined)?.after ?? 0) || 0;
    const messages = inbox
      .messages(personId, after)
      .map((m) => ({ ...toMessage(m.view), id: m.id, seq: m.seq, at: m.at }));
    res.send(200, { messages, epoch: inbox.epoch });
  });
}
