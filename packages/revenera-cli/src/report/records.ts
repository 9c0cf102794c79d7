import type { Cell, ChartSpec, ReportTable } from "./table.js";

/** A plain object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as a table cell: scalars as they are, objects and arrays as compact JSON. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  return JSON.stringify(value);
}

/** Flattens nested objects into dotted keys: `{ a: { b: 1 } }` becomes `{ "a.b": 1 }`; arrays stay whole. */
export function flatten(value: Record<string, unknown>, prefix = ""): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [key, child] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isObject(child) && Object.keys(child).length > 0) {
      Object.assign(out, flatten(child, name));
    } else {
      out[name] = toCell(child);
    }
  }
  return out;
}

/** Builds a table from records, with the union of their keys as columns (first-seen order). */
export function tableFromRecords(records: Record<string, Cell>[]): ReportTable {
  const columns: string[] = [];
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!columns.includes(key)) {
        columns.push(key);
      }
    }
  }
  return { columns, rows: records.map((record) => columns.map((column) => record[column] ?? null)) };
}

/**
 * A chart from table columns: `x` gives the categories, every numeric column of `values` (default: all numeric
 * columns but `x`) a series.
 */
export function chartFromColumns(
  table: ReportTable,
  type: ChartSpec["type"],
  x: string,
  values?: string[],
): ChartSpec | undefined {
  const xIndex = table.columns.indexOf(x);
  if (xIndex < 0 || table.rows.length === 0) {
    return undefined;
  }
  const names = (values ?? table.columns).filter(
    (column) => column !== x && table.rows.some((row) => typeof row[table.columns.indexOf(column)] === "number"),
  );
  if (names.length === 0) {
    return undefined;
  }
  return {
    type,
    xLabel: x,
    categories: table.rows.map((row) => String(row[xIndex] ?? "")),
    series: names.map((name) => {
      const index = table.columns.indexOf(name);
      return { name, data: table.rows.map((row) => (typeof row[index] === "number" ? (row[index] as number) : null)) };
    }),
  };
}

/** A chart pivoting long rows `(x, series, value)` into one series per distinct series name. */
export function pivotChart(
  type: ChartSpec["type"],
  xLabel: string,
  points: { x: string; series: string; value: number | null }[],
): ChartSpec | undefined {
  if (points.length === 0) {
    return undefined;
  }
  const categories = [...new Set(points.map((point) => point.x))];
  const names = [...new Set(points.map((point) => point.series))];
  return {
    type,
    xLabel,
    categories,
    series: names.map((name) => ({
      name,
      data: categories.map(
        (category) => points.find((point) => point.x === category && point.series === name)?.value ?? null,
      ),
    })),
  };
}
