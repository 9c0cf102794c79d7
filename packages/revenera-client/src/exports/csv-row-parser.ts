import { InvalidArgumentError, SdkError } from "@org/sdk-core";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where the parser is: at the start of a field, inside an unquoted or a quoted one, or on a quote inside quotes. */
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * An incremental RFC 4180 CSV parser with the header line as keys, fed text in pieces of any size (a piece may end
 * anywhere, even inside a quoted field or between `\r` and `\n`). It holds only the current record, so memory stays
 * constant however large the file. Plain JavaScript with no Node built-in: it runs wherever the client runs.
 *
 * Rules: fields are separated by `delimiter` (one character) and records by `\n`, `\r\n` or `\r`; a field in double
 * quotes may hold delimiters, line breaks and `""` (one quote); a quote inside an unquoted field is kept as is;
 * empty lines are skipped; every record must have as many fields as the header (else an {@link SdkError}). A BOM
 * is the decoder's business (`TextDecoder` drops it).
 */
export class CsvRowParser<Row extends Record<string, string> = Record<string, string>> {
  readonly #delimiter: number;
  #header: string[] | undefined;
  /** `__proto__` among the columns: rows are then built with own properties only. */
  #unsafeHeader = false;
  #fields: string[] = [];
  #field = "";
  #quoted = false;
  #at: number = FIELD_START;
  #skipLf = false;
  #line = 1;

  constructor(delimiter = ",") {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
      throw new InvalidArgumentError("CSV options", [
        { path: "delimiter", rule: "must be one character other than a double quote or a line break" },
      ]);
    }
    this.#delimiter = delimiter.charCodeAt(0);
  }

  /** Parses the next piece of text; returns the records it completed (appended to `rows` when given). */
  push(text: string, rows: Row[] = []): Row[] {
    const delimiter = this.#delimiter;
    let start = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (this.#skipLf) {
        this.#skipLf = false;
        if (code === LF) {
          continue;
        }
      }
      const at = this.#at;
      if (at === QUOTED) {
        if (code === QUOTE) {
          this.#field += text.slice(start, index);
          this.#at = QUOTE_IN_QUOTED;
        } else if (code === LF) {
          this.#line++;
        }
      } else if (at === QUOTE_IN_QUOTED) {
        if (code === QUOTE) {
          this.#field += '"';
          this.#at = QUOTED;
          start = index + 1;
        } else if (code === delimiter) {
          this.#endField();
        } else if (code === LF || code === CR) {
          this.#endRecord(code, rows);
        } else {
          throw new SdkError(
            `Invalid CSV on line ${this.#line}: ${JSON.stringify(text[index])} after the closing quote of a field`,
          );
        }
      } else if (code === delimiter) {
        if (at === UNQUOTED) {
          this.#field += text.slice(start, index);
        }
        this.#endField();
      } else if (code === LF || code === CR) {
        if (at === UNQUOTED) {
          this.#field += text.slice(start, index);
        }
        this.#endRecord(code, rows);
      } else if (at === FIELD_START) {
        if (code === QUOTE) {
          this.#quoted = true;
          this.#at = QUOTED;
          start = index + 1;
        } else {
          this.#at = UNQUOTED;
          start = index;
        }
      }
    }
    if (this.#at === UNQUOTED || this.#at === QUOTED) {
      this.#field += text.slice(start);
    }
    return rows;
  }

  /** Ends the text: returns the last record when the text did not end with a line break. */
  end(rows: Row[] = []): Row[] {
    if (this.#at === QUOTED) {
      throw new SdkError(`Invalid CSV: a quoted field opened before line ${this.#line} is never closed`);
    }
    if (this.#at !== FIELD_START || this.#fields.length > 0) {
      this.#endRecord(LF, rows);
    }
    return rows;
  }

  #endField(): void {
    this.#fields.push(this.#field);
    this.#field = "";
    this.#quoted = false;
    this.#at = FIELD_START;
  }

  #endRecord(code: number, rows: Row[]): void {
    const empty = this.#fields.length === 0 && this.#field === "" && !this.#quoted;
    if (!empty) {
      this.#endField();
      this.#emit(this.#fields, rows);
    }
    this.#fields = [];
    this.#field = "";
    this.#quoted = false;
    this.#at = FIELD_START;
    this.#skipLf = code === CR;
    this.#line++;
  }

  #emit(fields: string[], rows: Row[]): void {
    const header = this.#header;
    if (!header) {
      this.#header = fields;
      this.#unsafeHeader = fields.includes("__proto__");
      return;
    }
    if (fields.length !== header.length) {
      throw new SdkError(
        `Invalid CSV on line ${this.#line}: ${fields.length} fields where the header has ${header.length}`,
      );
    }
    if (this.#unsafeHeader) {
      rows.push(Object.fromEntries(header.map((name, index) => [name, fields[index]])) as Row);
      return;
    }
    const row: Record<string, string> = {};
    for (let index = 0; index < header.length; index++) {
      row[header[index] as string] = fields[index] as string;
    }
    rows.push(row as Row);
  }
}
