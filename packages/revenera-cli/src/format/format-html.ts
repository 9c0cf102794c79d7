import * as echarts from "echarts";
import type { ChartSpec, ReportTable } from "../report/table.js";

/** What the HTML page says about the report. */
export interface HtmlReportInfo {
  title: string;
  subtitle: string;
}

/**
 * Renders a report as one self-contained HTML file: the chart as inline SVG (drawn by Apache ECharts' server-side
 * renderer, so the page needs no script and no network), then the data as a table.
 */
export function formatHtml(table: ReportTable, info: HtmlReportInfo): string {
  const chart = table.chart ? renderChart(table.chart) : "<p>(this report has no chartable numbers)</p>";
  const head = table.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join("");
  const body = table.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell === null ? "" : String(cell))}</td>`).join("")}</tr>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 960px; color: #222; }
h1 { font-size: 1.4rem; margin-bottom: 0; } .sub { color: #666; margin-top: .2rem; }
figure { margin: 1.5rem 0; } table { border-collapse: collapse; } th, td { padding: .25rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
td { font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<h1>${escapeHtml(info.title)}</h1>
<p class="sub">${escapeHtml(info.subtitle)}</p>
<figure id="chart">${chart}</figure>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
</body>
</html>
`;
}

function renderChart(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 900, height: 420 });
  chart.setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 60 },
    xAxis: { type: "category", name: spec.xLabel, nameLocation: "middle", nameGap: 35, data: spec.categories },
    yAxis: { type: "value" },
    series: spec.series.map((series) => ({
      name: series.name,
      type: spec.type,
      data: series.data,
      ...(spec.type === "line" ? { symbolSize: 6 } : {}),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
