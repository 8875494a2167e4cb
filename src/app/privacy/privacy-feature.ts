import { parseCvr } from "../../domain/cvr.js";
import type { Person } from "../../domain/org.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import type { FileStore } from "../../ports/files.js";
import { auditView, erasureConfirmView } from "../../views/privacy-views.js";
import type { View } from "../../views/view.js";
import type { Deps } from "../deps.js";
import type { Asker, Feature } from "../feature.js";
import { listAudit, recordAudit } from "./audit-log.js";
import { type ErasureTarget, erasePersonalData, planErasure } from "./erase-personal-data.js";
import { exportPersonalData } from "./export-personal-data.js";

/** Erasure, access export and the audit log are the coordinator's and the TC manager's alone. */
export function mayHandlePersonalData(person: Person): boolean {
  return person.coordinator === true || person.role === "tcManager";
}

const error = (t: Translator, key: MessageKey): View[] => [{ tone: "error", text: [t(key)] }];
const CONTACT_WORDS = /^(kontakt|kontaktperson|contact)\s+/i;

async function erasureTarget(deps: Deps, args: string): Promise<ErasureTarget | undefined> {
  const contact = args.replace(CONTACT_WORDS, "");
  if (contact !== args)
    return contact.trim().length >= 3 ? { kind: "contact", name: contact.trim() } : undefined;
  const cvr = parseCvr(args);
  if (cvr.ok) return { kind: "cvr", cvr: cvr.cvr };
  if (await deps.store.handovers.get(args)) return { kind: "handover", id: args };
  return undefined;
}

function targetData(target: ErasureTarget): Record<string, string> {
  if (target.kind === "cvr") return { kind: "cvr", value: target.cvr };
  if (target.kind === "handover") return { kind: "handover", value: target.id };
  return { kind: "contact", value: target.name };
}

/** `/slet`, `/indsigt` and `/revision`: the personal-data lifecycle as a conversation feature. */
export function privacyFeature(deps: Deps, files: FileStore): Feature {
  const guarded =
    (run: (asker: Asker, args: string) => Promise<View[]>) =>
    async (asker: Asker, args: string): Promise<View[]> =>
      mayHandlePersonalData(asker.person)
        ? run(asker, args.trim())
        : error(asker.t, "privacy.not_allowed");

  const erase = guarded(async ({ t }, args) => {
    const target = await erasureTarget(deps, args);
    if (!target) return error(t, "privacy.erase.usage");
    const plan = await planErasure(deps, target);
    if (plan.handovers.length === 0 && plan.meetings.length === 0)
      return [{ text: [t("privacy.erase.nothing")] }];
    const companies = plan.handovers.map((h) => `${h.company?.name ?? h.cvr} (CVR ${h.cvr})`);
    const about = target.kind === "contact" ? target.name : [...new Set(companies)].join(", ");
    return [
      erasureConfirmView(
        t,
        { about, handovers: plan.handovers.length, meetings: plan.meetings.length },
        targetData(target),
      ),
    ];
  });

  const access = guarded(async ({ person, t, channel }, args) => {
    const contact = args.replace(CONTACT_WORDS, "").trim();
    const staff = deps.directory.get(args);
    if (!staff && (contact === args || contact.length < 3)) return error(t, "privacy.access.usage");
    const subject = staff
      ? ({ kind: "staff", person: staff } as const)
      : ({ kind: "contact", name: contact } as const);
    const file = await exportPersonalData(deps, files, person.id, channel, subject);
    const who = staff ? staff.name : contact;
    return [{ tone: "success", text: [t("privacy.access.done", { who })], files: [file] }];
  });

  const audit = guarded(async ({ person, t, channel }, args) => {
    if (args === "") return error(t, "privacy.audit.usage");
    const cvr = parseCvr(args);
    const target = cvr.ok ? cvr.cvr : args;
    const lines = await listAudit(deps, target);
    await recordAudit(deps, {
      actorId: person.id,
      channel,
      action: "audit_list",
      targets: [`record:${target}`],
      count: lines.length,
    });
    return [auditView(t, deps.directory, target, lines)];
  });

  const confirm = async ({ person, t, channel }: Asker, data: Record<string, unknown>) => {
    if (!mayHandlePersonalData(person))
      return { ok: true as const, replies: error(t, "privacy.not_allowed") };
    const value = typeof data.value === "string" ? data.value : "";
    const prefix = data.kind === "contact" ? "kontakt " : "";
    const target = await erasureTarget(deps, `${prefix}${value}`);
    if (!target) return { ok: true as const, replies: error(t, "privacy.erase.usage") };
    const plan = await planErasure(deps, target);
    const done = await erasePersonalData(deps, files, person.id, channel, plan);
    const replies: View[] = [{ tone: "success", text: [t("privacy.erase.done", { ...done })] }];
    return { ok: true as const, replies };
  };

  const cancel = async ({ t }: Asker) => ({
    ok: true as const,
    replies: [{ text: [t("privacy.erase.cancelled")] }],
  });
  const actions = new Map<string, typeof confirm | typeof cancel>([
    ["privacy.erase.confirm", confirm],
    ["privacy.erase.cancel", cancel],
  ]);

  return {
    commands: { slet: erase, erase, indsigt: access, access, revision: audit, audit },
    action: (id) => actions.get(id),
    help: ({ person, t }) =>
      mayHandlePersonalData(person)
        ? (["erase", "access", "audit"] as const).map((k) => ({
            label: t(`privacy.help.${k}_usage`),
            value: t(`privacy.help.${k}`),
          }))
        : [],
  };
}
