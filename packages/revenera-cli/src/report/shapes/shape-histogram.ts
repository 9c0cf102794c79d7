import { chartFromColumns, isObject } from "../records.js";
import type { ReportTable } from "../table.js";
import { shapeFallback } from "./shape-fallback.js";

/** Churn histograms: `{ bin: clients }` as bars. */
export function shapeHistogram(result: unknown): ReportTable {
  if (!isObject(result)) {
    return shapeFallback(result);
  }
  const table: ReportTable = {
    columns: ["bin", "clients"],
    rows: Object.entries(result).map(([bin, count]) => [bin, typeof count === "number" ? count : null]),
  };
  return { ...table, chart: chartFromColumns(table, "bar", "bin") };
}

/** Usage distribution: users per number of active days, with their session and runtime bins, as bars. */
export function shapeUsageDistribution(result: unknown): ReportTable {
  const activeDays = isObject(result) ? result.activeDays : undefined;
  if (!isObject(activeDays)) {
    return shapeFallback(result);
  }
  const table: ReportTable = {
    columns: ["activeDays", "users", "sessions", "runtime"],
    rows: Object.entries(activeDays).map(([days, bucket]) => {
      const entry = isObject(bucket) ? bucket : {};
      return [
        days,
        typeof entry.users === "number" ? entry.users : null,
        describeBins(entry.sessions),
        describeBins(entry.runtime),
      ];
    }),
  };
  return { ...table, chart: chartFromColumns(table, "bar", "activeDays", ["users"]) };
}

function describeBins(bins: unknown): string | null {
  return isObject(bins)
    ? Object.entries(bins)
        .map(([bin, count]) => `${bin}: ${String(count)}`)
        .join(", ")
    : null;
}
