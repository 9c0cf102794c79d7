import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatCsv, formatHtml, formatTable, REPORT_KINDS, type ReportTable } from "../../src/index.js";

const kind = (name: string) => {
  const found = REPORT_KINDS.find((k) => k.name === name);
  if (!found) {
    throw new Error(name);
  }
  return found;
};

describe("table output", () => {
  it("fits 80 columns however wide the data, and says which columns it left out", () => {
    const columns = Array.from({ length: 20 }, (_, i) => `column-number-${i}`);
    const table: ReportTable = { columns, rows: [columns.map((_, i) => i * 1000.5)] };
    const text = formatTable(table);
    for (const line of text.trimEnd().split("\n")) {
      expect(line.length).toBeLessThanOrEqual(80);
    }
    expect(text).toMatch(/\(\d+ more columns not shown: use --format csv or json\)/);
  });

  it("cuts long cells with an ellipsis and right-aligns numbers", () => {
    const table: ReportTable = {
      columns: ["segment", "active"],
      rows: [
        ["a".repeat(120), 5],
        ["b", 12345],
      ],
    };
    const lines = formatTable(table).trimEnd().split("\n");
    expect(lines[2]).toContain("…");
    expect(lines[2]?.length).toBeLessThanOrEqual(80);
    expect(lines[3]).toMatch(/ 12345$/);
    expect(lines[2]).toMatch(/ {4}5$/);
  });
});

describe("CSV output", () => {
  it("round-trips through a CSV parser, commas, quotes and empty cells included", () => {
    const table: ReportTable = {
      columns: ["event", "count", "note"],
      rows: [
        ['File/Export "PDF", fast', 3, null],
        ["Open", 4.5, true],
      ],
    };
    expect(parse(formatCsv(table), { columns: true })).toEqual([
      { event: 'File/Export "PDF", fast', count: "3", note: "" },
      { event: "Open", count: "4.5", note: "true" },
    ]);
  });
});

describe("report shapes", () => {
  it("turns a date-split result into a timeline drawn as lines", () => {
    const table = kind("date-range").shape({
      "2026-03-01": { new: 12, active: 340 },
      "2026-03-02": { new: 9, active: 352 },
    });
    expect(table.columns).toEqual(["date", "new", "active"]);
    expect(table.chart).toMatchObject({ type: "line", categories: ["2026-03-01", "2026-03-02"] });
    expect(table.chart?.series.map((s) => s.name)).toEqual(["new", "active"]);
  });

  it("turns segmented (levels) results into bars per segment", () => {
    const table = kind("current").shape({
      level1: { US: { totals: { active: 1520 } }, DE: { totals: { active: 640 } } },
    });
    expect(table.rows).toEqual([
      ["US", 1520],
      ["DE", 640],
    ]);
    expect(table.chart?.type).toBe("bar");
  });

  it("turns histograms into bars", () => {
    const table = kind("churn-sessions").shape({ "≤ 1": 150, "2 - 3": 170 });
    expect(table.chart).toMatchObject({ type: "bar", categories: ["≤ 1", "2 - 3"], series: [{ data: [150, 170] }] });
  });

  it("falls back to field/value rows for an unknown shape", () => {
    expect(kind("churn-engagement").shape("surprise").rows).toEqual([["result", "surprise"]]);
  });
});

describe("HTML output", () => {
  it("is one self-contained file: inline SVG chart, no script, no external resource", () => {
    const table = kind("date-range").shape({ "2026-03-01": { active: 340 }, "2026-03-02": { active: 352 } });
    const html = formatHtml(table, { title: "Active <users>", subtitle: "Product 1" });
    expect(html).toContain("<svg");
    expect(html).toContain("Active &#60;users&#62;");
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
  });
});
