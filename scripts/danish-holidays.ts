// `npm run holidays`: writes Denmark's public holidays 2000-2099 from date-holidays into
// src/domain/danish-holidays.json, so the bot does not hold the library and its data for every
// country in memory (about 7.6 MB of heap) to look up eleven dates a year.
import { writeFileSync } from "node:fs";
import { danishHolidaysTable } from "../src/domain/danish-holidays-source.js";

const file = new URL("../src/domain/danish-holidays.json", import.meta.url);
writeFileSync(file, `${JSON.stringify(danishHolidaysTable(2000, 2099), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
