import directory from "../src/adapters/directory/demo-directory.json" with { type: "json" };
import kommuner from "../src/domain/kommuner.json" with { type: "json" };
import { HOUSE_IDS, type HouseId } from "../src/domain/org.js";

interface DemoPerson {
  id: string;
  role: string;
  house: HouseId;
}

const people = (directory as { people: DemoPerson[] }).people;

/** The demo directory's advisors and business developers (the /henvis referrers). */
export const ADVISORS = people.filter((p) => p.role === "advisor");
export const BUSINESS_DEVELOPERS = people.filter((p) => p.role === "businessDeveloper");
export const HOUSES: readonly HouseId[] = HOUSE_IDS;

/** Municipality codes per house, from kommuner.json. */
export const MUNICIPALITIES = Object.fromEntries(
  HOUSE_IDS.map((house) => [
    house,
    (kommuner as { kode: string; erhvervshus: string }[])
      .filter((k) => k.erhvervshus === house)
      .map((k) => k.kode),
  ]),
) as Record<HouseId, string[]>;

/** A small deterministic random source (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A random element of a non-empty list. */
export function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

const PHRASES = [
  "Virksomheden vil eksportere til Tyskland og Sverige",
  "ønsker hjælp til partnersøgning i Norden",
  "har en ny produktlinje klar til markedet",
  "mangler viden om toldregler og certificering",
  "overvejer en messe i Hamborg til efteråret",
  "søger distributører i Benelux",
  "vil gerne tale om eksportfinansiering",
  "har fået forespørgsler fra kunder i USA",
];

/** A need text of roughly 100-200 characters, one line (as typed after /henvis). */
export function needText(i: number, random: () => number): string {
  const words: string[] = [];
  let length = 0;
  const target = 90 + Math.floor(random() * 60);
  for (let k = 0; length < target && k < 10; k++) {
    const phrase = PHRASES[(i + k * 3) % PHRASES.length] ?? "";
    words.push(phrase);
    length += phrase.length + 2;
  }
  return `${words.join(", ")}.`.slice(0, 200);
}
