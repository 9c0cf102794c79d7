import { chartFromColumns, flatten, isObject, pivotChart, tableFromRecords } from "../records.js";
import type { Cell, ReportTable } from "../table.js";
import { shapeFallback } from "./shape-fallback.js";

/** Name of an event or event combination in a result entry. */
function eventName(entry: Record<string, unknown>): string {
  if (typeof entry.combiLabel === "string") {
    return entry.combiLabel;
  }
  return [entry.category ?? entry.eventCategory, entry.name ?? entry.eventName]
    .filter((part) => typeof part === "string")
    .join("/");
}

/** Lifetime and churn event histograms: one row per histogram, bin and event; the chart shows event counts. */
export function shapeEventHistogram(result: unknown): ReportTable {
  const histograms = isObject(result) ? result.histograms : undefined;
  if (!isObject(histograms)) {
    return shapeFallback(result);
  }
  const rows: Cell[][] = [];
  for (const [histogram, bins] of Object.entries(histograms)) {
    for (const [bin, entries] of Object.entries(isObject(bins) ? bins : {})) {
      for (const entry of Array.isArray(entries) ? entries : []) {
        if (isObject(entry)) {
          rows.push([histogram, bin, eventName(entry), typeof entry.value === "number" ? entry.value : null]);
        }
      }
    }
  }
  const first = rows[0]?.[0];
  const points = rows
    .filter((row) => row[0] === first)
    .map((row) => ({ x: String(row[1]), series: String(row[2]), value: row[3] as number | null }));
  return { columns: ["histogram", "bin", "event", "clients"], rows, chart: pivotChart("bar", String(first), points) };
}

/** Lifetime and churn event data tables (flat or grouped by category): one row per event, bars of event counts. */
export function shapeEventDataTable(result: unknown): ReportTable {
  if (!Array.isArray(result)) {
    return shapeFallback(result);
  }
  const records = result.filter(isObject).flatMap((entry) => {
    const { categoryData, segments, ...rest } = entry;
    const inner = Array.isArray(categoryData) ? categoryData.filter(isObject) : [rest];
    return inner.map((event) => {
      const { segments: eventSegments, ...fields } = event;
      const record: Record<string, Cell> = { event: eventName({ ...rest, ...fields }), ...flatten(fields) };
      delete record.eventCategory;
      delete record.eventName;
      const count = Array.isArray(eventSegments ?? segments) ? (eventSegments ?? segments) : undefined;
      if (Array.isArray(count)) {
        record.segments = count.length;
      }
      return record;
    });
  });
  const table = tableFromRecords(records);
  return { ...table, chart: chartFromColumns(table, "bar", "event", ["eventCount"]) };
}

/** Basic event data table: one row per event with its usage count and average per user. */
export function shapeBasicDataTable(result: unknown): ReportTable {
  if (!Array.isArray(result)) {
    return shapeFallback(result);
  }
  const rows: Cell[][] = [];
  for (const category of result.filter(isObject)) {
    for (const [name, data] of Object.entries(
      isObject(category.categoryEventsData) ? category.categoryEventsData : {},
    )) {
      const usage = isObject(data) && isObject(data.eventUsage) ? data.eventUsage : {};
      rows.push([
        eventName({ category: category.category, name }),
        typeof usage.cumulativeUsageCount === "number" ? usage.cumulativeUsageCount : null,
        typeof usage.averageCountPerUser === "number" ? usage.averageCountPerUser : null,
      ]);
    }
  }
  const table: ReportTable = { columns: ["event", "usageCount", "averagePerUser"], rows };
  return { ...table, chart: chartFromColumns(table, "bar", "event", ["usageCount"]) };
}

/** Basic event timeline: one column per event, one row per date, as lines. */
export function shapeBasicTimeline(result: unknown): ReportTable {
  if (!isObject(result)) {
    return shapeFallback(result);
  }
  const records = Object.entries(result).map(([date, entries]) => {
    const record: Record<string, Cell> = { date };
    for (const entry of Array.isArray(entries) ? entries.filter(isObject) : []) {
      record[eventName(entry)] = typeof entry.value === "number" ? entry.value : null;
    }
    return record;
  });
  const table = tableFromRecords(records);
  return { ...table, chart: chartFromColumns(table, "line", "date") };
}

/** Advanced event report: one row per event with its statistics, bars of users who used it at least once. */
export function shapeAdvancedEvents(result: unknown): ReportTable {
  if (!Array.isArray(result)) {
    return shapeFallback(result);
  }
  const records = result.filter(isObject).map((entry) => {
    const { category, name, usageFrequency, ...stats } = entry;
    return { event: eventName({ category, name }), ...flatten(stats) };
  });
  const table = tableFromRecords(records);
  return { ...table, chart: chartFromColumns(table, "bar", "event", ["eventCounts", "uniqueUsersUsedAtLeastOnce"]) };
}
