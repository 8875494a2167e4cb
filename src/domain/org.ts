import kommuner from "./kommuner.json" with { type: "json" };

/** The six Erhvervshuse, named as in kommuner.json. */
export const HOUSE_IDS = [
  "Hovedstaden",
  "Sjælland",
  "Fyn",
  "Sydjylland",
  "Midtjylland",
  "Nordjylland",
] as const;
/** One of the six regional business houses (Erhvervshus). */
export type HouseId = (typeof HOUSE_IDS)[number];

/** What a person does; the coordinator is an advisor with `coordinator: true` (§5). */
export type Role = "advisor" | "businessDeveloper" | "houseManager" | "tcManager";

/** Which side of the cooperation a person works for: EH (A-track) or TC (B-track). */
export type Side = "EH" | "TC";

/** The languages the bot speaks; Danish is the default. */
export type Locale = "da" | "en";

/** A person in the directory, with the ids the chat platforms know them by. */
export interface Person {
  id: string;
  name: string;
  role: Role;
  house: HouseId;
  coordinator?: boolean;
  /** Sector focus areas (advisors), ids from domain/sectors.ts. */
  sectors?: string[];
  email?: string;
  slackUserId?: string;
  aadObjectId?: string;
  locale?: Locale;
  /** Absent advisors get no new handovers. */
  absent?: boolean;
}

/** A person's own settings, chosen in chat: language and absence. */
export interface Preferences {
  locale?: Locale;
  /** Set while the person has reported themselves absent (`/fravær`). */
  absentSince?: string;
  /** When the person last reported back (`/tilbage`); smooths routing while they catch up. */
  returnedAt?: string;
  /** When the person was first greeted with the welcome card. */
  welcomedAt?: string;
}

/** The organisation: houses and people. */
export interface Directory {
  people: Person[];
}

/** EH staff refer to TC; TC staff refer to EH. */
export function sideOf(person: Person): Side {
  return person.role === "advisor" || person.role === "tcManager" ? "TC" : "EH";
}

const houseByMunicipality = new Map<string, HouseId>(
  (kommuner as { kode: string; erhvervshus: HouseId }[]).map((k) => [k.kode, k.erhvervshus]),
);

/** The house that covers a municipality code; Christiansø (411) goes to Hovedstaden. */
export function houseForMunicipality(code: string | undefined): HouseId | undefined {
  if (code === undefined) return undefined;
  if (code === "411") return "Hovedstaden";
  return houseByMunicipality.get(code);
}
