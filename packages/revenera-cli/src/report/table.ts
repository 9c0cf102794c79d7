/** A cell of a report table. */
export type Cell = string | number | boolean | null;

/** A chart of a report: categories along the x axis and one or more numeric series. */
export interface ChartSpec {
  /** `line` for timelines, `bar` for distributions, histograms and rankings. */
  type: "line" | "bar";
  /** Axis title of the categories (e.g. `date`, `bin`). */
  xLabel: string;
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
}

/** A report reshaped for output: a table for table/CSV output and, when the data has one, a chart. */
export interface ReportTable {
  columns: string[];
  rows: Cell[][];
  chart?: ChartSpec | undefined;
}
