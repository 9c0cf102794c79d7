import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CsvRowParser } from "../../src/exports/csv-row-parser.js";
import { InvalidArgumentError, SdkError } from "../../src/index.js";

/** Parses `text` fed in pieces cut at `cuts`. */
function parsePieces(text: string, cuts: number[], delimiter?: string): Record<string, string>[] {
  const parser = new CsvRowParser(delimiter);
  const rows: Record<string, string>[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    parser.push(text.slice(from, cut), rows);
    from = cut;
  }
  return parser.end(rows);
}

/** csv-parse with the options the client used before: the reference for well-formed input. */
function reference(text: string, delimiter = ","): Record<string, string>[] {
  return parse(text, { columns: true, delimiter, skip_empty_lines: true });
}

const SAMPLES = [
  'timestamp,clientId,event.name,event.data\n2026-03-01T10:00:00,C1,Open,"a,b"\n2026-03-01T10:05:00,C2,Export,"line\nbreak"\n',
  'a,b\r\n"x ""quoted"" y",\r\n,""\r\n\r\n"multi\r\nline",last',
  "a;b\n1;2\n\n3;4",
  'h\n""\n"a""b"\n',
  "only,header\n",
  "",
  "x\ry\rz\r",
];

describe("CsvRowParser", () => {
  it("agrees with csv-parse on well-formed CSV, whatever the piece boundaries", () => {
    for (const text of SAMPLES) {
      const delimiter = text.startsWith("a;") ? ";" : ",";
      const expected = reference(text, delimiter);
      expect(parsePieces(text, [], delimiter), text).toEqual(expected);
      for (let cut = 0; cut <= text.length; cut++) {
        expect(parsePieces(text, [cut], delimiter), `${JSON.stringify(text)} cut at ${cut}`).toEqual(expected);
      }
      const everyChar = Array.from({ length: text.length }, (_, index) => index);
      expect(parsePieces(text, everyChar, delimiter), `${JSON.stringify(text)} one character a piece`).toEqual(
        expected,
      );
    }
  });

  it("keeps a quote inside an unquoted field and a column named __proto__ as an own property", () => {
    expect(parsePieces('a,b\nx"y,2\n', [])).toEqual([{ a: 'x"y', b: "2" }]);
    const [row] = parsePieces("__proto__,b\n1,2\n", []);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.hasOwn(row ?? {}, "__proto__")).toBe(true);
  });

  it("rejects records of the wrong length, text after a closing quote and an unclosed quote", () => {
    expect(() => parsePieces("a,b\n1\n", [])).toThrow(SdkError);
    expect(() => parsePieces("a,b\n1\n", [])).toThrow("Invalid CSV on line 2: 1 fields where the header has 2");
    expect(() => parsePieces('a\n"x"y\n', [])).toThrow(SdkError);
    expect(() => parsePieces('a\n"never closed\n', [])).toThrow(SdkError);
  });

  it("takes a one-character delimiter only", () => {
    for (const delimiter of ["", ";;", '"', "\n"]) {
      expect(() => new CsvRowParser(delimiter)).toThrow(InvalidArgumentError);
    }
  });
});
