import { readFileSync } from "node:fs";
import { z } from "zod";
import { PeopleDirectory } from "../../domain/directory.js";
import { HOUSE_IDS, type Person } from "../../domain/org.js";
import { SECTOR_IDS } from "../../domain/sectors.js";
import { withoutHiddenMarks } from "../../forms/text-hygiene.js";

const personSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "ids are 1-64 letters, digits, '.', '_' or '-'"),
  name: z.string().transform(withoutHiddenMarks).pipe(z.string().trim().min(1).max(100)),
  role: z.enum(["advisor", "businessDeveloper", "houseManager", "tcManager"]),
  house: z.enum(HOUSE_IDS),
  coordinator: z.boolean().optional(),
  sectors: z.array(z.enum(SECTOR_IDS as [string, ...string[]])).optional(),
  email: z.string().email().optional(),
  slackUserId: z.string().optional(),
  aadObjectId: z.string().optional(),
  locale: z.enum(["da", "en"]).optional(),
  absent: z.boolean().optional(),
});

/** The ORG_FILE format: the people of the six houses and the TC, checked against the annex's rules. */
export const directorySchema = z
  .object({ people: z.array(personSchema).min(1) })
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    for (const p of doc.people) {
      if (ids.has(p.id))
        ctx.addIssue({ code: "custom", message: `person id "${p.id}" appears twice` });
      ids.add(p.id);
      if (p.coordinator && p.role !== "advisor")
        ctx.addIssue({ code: "custom", message: `coordinator "${p.id}" must be an advisor (§5)` });
    }
    const coordinators = doc.people.filter((p) => p.coordinator).length;
    if (coordinators > 1) ctx.addIssue({ code: "custom", message: "at most one coordinator (§5)" });
  });

/** The demo directory shipped with the bot (fictional people). */
export const DEMO_DIRECTORY_FILE = new URL("./demo-directory.json", import.meta.url);

/** Reads and checks a directory file; a bad file stops the start with a sentence naming it. */
export function loadDirectory(file: string | URL = DEMO_DIRECTORY_FILE): PeopleDirectory {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`ORG_FILE ${String(file)} cannot be read as JSON: ${(error as Error).message}`);
  }
  const parsed = directorySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `ORG_FILE ${String(file)} is not a valid directory: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
    );
  }
  return new PeopleDirectory(parsed.data.people as Person[]);
}
