import { stringify } from "csv-stringify/sync";
import type { ReportTable } from "../report/table.js";

/** Renders a table as RFC 4180 CSV with a header row. */
export function formatCsv(table: ReportTable): string {
  return stringify(table.rows, { header: true, columns: table.columns, cast: { boolean: (value) => String(value) } });
}
