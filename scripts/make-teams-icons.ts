import { writeFileSync } from "node:fs";
import { encodePng, type Rgba } from "./png.js";

const OUT = new URL("../manifests/teams/", import.meta.url);
const BRAND: Rgba = [11, 92, 173, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** A bridge: an arch over a deck with two piers, in a unit square (0..1), as a coverage test. */
function bridge(u: number, v: number): boolean {
  const deck = v >= 0.56 && v <= 0.64 && u >= 0.12 && u <= 0.88;
  const r = Math.hypot(u - 0.5, (v - 0.64) * 1.15);
  const arch = v <= 0.64 && r >= 0.27 && r <= 0.36;
  const pier = v >= 0.64 && v <= 0.8 && (Math.abs(u - 0.2) <= 0.04 || Math.abs(u - 0.8) <= 0.04);
  return deck || arch || pier;
}

/** Colour icon (192x192): a white bridge on the brand blue, full bleed. */
const color = encodePng(192, 192, (x, y) =>
  bridge((x + 0.5) / 192, (y + 0.5) / 192) ? WHITE : BRAND,
);
/** Outline icon (32x32): the bridge in white on transparent, as Teams requires. */
const outline = encodePng(32, 32, (x, y) =>
  bridge((x + 0.5) / 32, (y + 0.5) / 32) ? WHITE : CLEAR,
);

writeFileSync(new URL("color.png", OUT), color);
writeFileSync(new URL("outline.png", OUT), outline);
console.log("wrote manifests/teams/color.png (192x192) and outline.png (32x32)");
