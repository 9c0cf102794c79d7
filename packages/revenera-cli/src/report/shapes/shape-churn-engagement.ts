import { isObject, pivotChart } from "../records.js";
import type { Cell, ReportTable } from "../table.js";
import { shapeFallback } from "./shape-fallback.js";

const METRICS = ["engaged", "engagedPercent", "lost", "lostPercent"] as const;

/** Churn and engagement: one row per segment and period; lines of the engaged share per segment. */
export function shapeChurnEngagement(result: unknown): ReportTable {
  if (!isObject(result)) {
    return shapeFallback(result);
  }
  const rows: Cell[][] = [];
  for (const [segment, periods] of Object.entries(result)) {
    for (const [period, values] of Object.entries(isObject(periods) ? periods : {})) {
      const entry = isObject(values) ? values : {};
      rows.push([
        segment,
        period,
        ...METRICS.map((metric) => (typeof entry[metric] === "number" ? entry[metric] : null)),
      ]);
    }
  }
  const points = rows.map((row) => ({ x: String(row[1]), series: String(row[0]), value: row[3] as number | null }));
  return { columns: ["segment", "period", ...METRICS], rows, chart: pivotChart("line", "period", points) };
}
