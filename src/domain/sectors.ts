/** Trade Council sector focus areas and the DB07 industry-code prefixes that belong to each. */
export const SECTORS = {
  digital: ["58", "61", "62", "63"],
  food: ["01", "02", "03", "10", "11"],
  green: ["35", "36", "37", "38", "39", "2711", "2712", "2811"],
  lifeScience: ["21", "266", "325", "72", "86"],
  maritime: ["301", "50", "52"],
  industry: ["22", "24", "25", "26", "27", "28", "29", "30", "33"],
  design: ["13", "14", "15", "16", "31", "32", "74"],
  construction: ["41", "42", "43", "71"],
  services: ["64", "65", "66", "69", "70", "73", "78", "82"],
} as const satisfies Record<string, readonly string[]>;

/** A sector focus area id. */
export type SectorId = keyof typeof SECTORS;

/** Every sector id, for validating directory files. */
export const SECTOR_IDS = Object.keys(SECTORS) as SectorId[];

/** The sectors an industry code belongs to (longest prefix rules do not exclude shorter ones). */
export function sectorsForIndustry(industryCode: string | undefined): SectorId[] {
  if (!industryCode) return [];
  return SECTOR_IDS.filter((id) => SECTORS[id].some((prefix) => industryCode.startsWith(prefix)));
}
