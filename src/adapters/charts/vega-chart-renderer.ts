import { createRequire } from "node:module";
import type { ChartRenderer } from "../../ports/chart-renderer.js";
import type { BarChart } from "../../views/chart.js";

const require = createRequire(import.meta.url);
/** The shipped font (Inter, with æøå): resvg reads only TTF/OTF and a fresh machine may have no fonts. */
const FONT_FILES = ["400Regular/Inter_400Regular.ttf", "700Bold/Inter_700Bold.ttf"].map((f) =>
  require.resolve(`@expo-google-fonts/inter/${f}`),
);
const ATTENTION = "#c4314b";
const COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#9c755f"];

/** The Vega-Lite spec of a grouped bar chart; flagged groups get red, bold axis labels. */
export function vegaLiteSpec(chart: BarChart): Record<string, unknown> {
  const values = chart.groups.flatMap((group, g) =>
    chart.series.map((series, s) => ({ group, series, value: chart.values[g]?.[s] ?? 0 })),
  );
  const flagged = JSON.stringify(chart.flagged ?? []);
  const isFlagged = `indexof(${flagged}, datum.value) >= 0`;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chart.title,
    width: 440,
    height: 200,
    background: "white",
    config: { font: "Inter", view: { stroke: null } },
    data: { values },
    mark: { type: "bar", tooltip: false },
    encoding: {
      x: {
        field: "group",
        type: "nominal",
        sort: chart.groups,
        title: chart.groupTitle,
        axis: {
          labelAngle: 0,
          labelColor: { condition: { test: isFlagged, value: ATTENTION }, value: "#333333" },
          labelFontWeight: { condition: { test: isFlagged, value: "bold" }, value: "normal" },
        },
      },
      xOffset: { field: "series", sort: chart.series },
      y: { field: "value", type: "quantitative", title: chart.yTitle, axis: { tickMinStep: 1 } },
      color: {
        field: "series",
        sort: chart.series,
        title: null,
        scale: { domain: chart.series, range: COLORS.slice(0, chart.series.length) },
        legend: { orient: "bottom" },
      },
    },
  };
}

/**
 * Charts through Vega-Lite -> Vega -> SVG (no browser, no node-canvas) -> PNG with resvg and the
 * shipped font. The three libraries are loaded on the first chart, not at start (about 40 MB).
 */
export const vegaChartRenderer: ChartRenderer = {
  async png(chart) {
    const [{ compile }, vega, { Resvg }] = await Promise.all([
      import("vega-lite"),
      import("vega"),
      import("@resvg/resvg-js"),
    ]);
    const { spec } = compile(vegaLiteSpec(chart) as unknown as Parameters<typeof compile>[0]);
    const view = new vega.View(vega.parse(spec), { renderer: "none" });
    try {
      const svg = await view.toSVG();
      const image = new Resvg(svg, {
        fitTo: { mode: "zoom", value: 2 },
        font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "Inter" },
      });
      return new Uint8Array(image.render().asPng());
    } finally {
      view.finalize();
    }
  },
};
