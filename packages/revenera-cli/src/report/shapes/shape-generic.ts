import { chartFromColumns, flatten, isObject, tableFromRecords } from "../records.js";
import type { Cell, ReportTable } from "../table.js";
import { shapeFallback } from "./shape-fallback.js";

/**
 * Date-range and current reports. With a date split the result is keyed by date (a timeline: lines); with
 * `levels` it is keyed by segment, possibly nested (bars).
 */
export function shapeGeneric(result: unknown): ReportTable {
  if (!isObject(result)) {
    return shapeFallback(result);
  }
  if (isObject(result.level1)) {
    const records = levelRecords(result.level1, []);
    const table = tableFromRecords(records);
    return { ...table, chart: chartFromColumns(table, "bar", "segment") };
  }
  const records = Object.entries(result).map(([date, counts]) => ({
    date,
    ...(isObject(counts) ? flatten(counts) : { value: counts as Cell }),
  }));
  const table = tableFromRecords(records);
  return { ...table, chart: chartFromColumns(table, "line", "date") };
}

function levelRecords(level: Record<string, unknown>, path: string[]): Record<string, Cell>[] {
  return Object.entries(level).flatMap(([segment, node]) => {
    const names = [...path, segment];
    if (!isObject(node)) {
      return [{ segment: names.join(" / "), value: node as Cell }];
    }
    const { totals, ...rest } = node;
    const nested = Object.entries(rest).filter(([key, value]) => /^level\d$/.test(key) && isObject(value));
    if (nested.length > 0) {
      return nested.flatMap(([, child]) => levelRecords(child as Record<string, unknown>, names));
    }
    return [{ segment: names.join(" / "), ...(isObject(totals) ? flatten(totals) : flatten(rest)) }];
  });
}
