import { flatten, isObject, toCell } from "../records.js";
import type { ReportTable } from "../table.js";

/** Any JSON as two columns, `field` and `value` (for shapes the CLI does not know). */
export function shapeFallback(result: unknown): ReportTable {
  const flat = isObject(result) ? flatten(result) : { result: toCell(result) };
  return { columns: ["field", "value"], rows: Object.entries(flat).map(([field, value]) => [field, value]) };
}
