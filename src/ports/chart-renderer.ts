import type { BarChart } from "../views/chart.js";

/** Draws a chart as a PNG image on the server (no browser); the bytes are a complete PNG file. */
export interface ChartRenderer {
  png(chart: BarChart): Promise<Uint8Array>;
}
