import type { Cell, ReportTable } from "../report/table.js";

const MIN_WIDTH = 6;

/**
 * Renders a table as aligned text no wider than `width` (default 80): numbers right-aligned, long cells cut with
 * `…`; when even narrowed columns do not fit, the last columns are left out and a note says how many.
 */
export function formatTable(table: ReportTable, width = 80): string {
  if (table.rows.length === 0) {
    return "(no rows)\n";
  }
  const text = (cell: Cell) => (cell === null ? "" : String(cell));
  let columns = table.columns.map((name, index) => ({
    name,
    index,
    numeric: table.rows.every((row) => row[index] === null || typeof row[index] === "number"),
    width: Math.max(name.length, ...table.rows.map((row) => text(row[index] ?? null).length)),
  }));
  const total = () => columns.reduce((sum, column) => sum + column.width, 0) + 2 * (columns.length - 1);
  while (total() > width) {
    const widest = columns.reduce((a, b) => (b.width > a.width ? b : a));
    if (widest.width > MIN_WIDTH) {
      widest.width = Math.max(MIN_WIDTH, widest.width - (total() - width));
    } else {
      columns = columns.slice(0, -1);
    }
  }
  const fitCell = (value: string, w: number, right: boolean) => {
    const cut = value.length > w ? `${value.slice(0, w - 1)}…` : value;
    return right ? cut.padStart(w) : cut.padEnd(w);
  };
  const line = (cells: string[]) =>
    cells
      .map((value, i) => fitCell(value, columns[i]?.width ?? 0, columns[i]?.numeric ?? false))
      .join("  ")
      .trimEnd();
  const out = [
    line(columns.map((column) => column.name)),
    line(columns.map((column) => "─".repeat(column.width))),
    ...table.rows.map((row) => line(columns.map((column) => text(row[column.index] ?? null)))),
  ];
  const hidden = table.columns.length - columns.length;
  if (hidden > 0) {
    out.push(`(${hidden} more column${hidden === 1 ? "" : "s"} not shown: use --format csv or json)`);
  }
  return `${out.join("\n")}\n`;
}
