/**
 * The `revenera` command line as a library: run it in-process with {@link run}, or reuse its formatters.
 *
 * @packageDocumentation
 */
export type { Context } from "./context.js";
export { ExitCode, type ExitCodeValue } from "./exit-codes.js";
export { formatCsv } from "./format/format-csv.js";
export { formatHtml, type HtmlReportInfo } from "./format/format-html.js";
export { formatTable } from "./format/format-table.js";
export { REPORT_KINDS, type ReportKind } from "./report/kinds.js";
export type { Cell, ChartSpec, ReportTable } from "./report/table.js";
export { type RunIo, run } from "./run.js";
