import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { addEvidenceMarks, carryOverEvidence, evidenceMarks, isVendorDocument } from "../src/index.js";
import type { JsonObject } from "../src/openapi.js";

const readFixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.yaml`, import.meta.url), "utf8");
const loadSpec = (name: string) => parse(readFixture(name)) as JsonObject;
const pathsOf = (marks: readonly { path: (string | number)[] }[]) => marks.map((mark) => mark.path.join(" > "));

// reconstruction.yaml is before.yaml with marks; field-added.yaml is the "vendor's" before.yaml plus a `note` field
// in NewOrder, which reaches GET /orders and POST /orders but not DELETE /orders/{orderId}.
describe("x-evidence carry-over", () => {
  const committed = loadSpec("reconstruction");
  const vendor = loadSpec("field-added");

  it("takes a document without marks as the vendor's, and one with marks as ours", () => {
    expect(isVendorDocument(vendor)).toBe(true);
    expect(isVendorDocument(committed)).toBe(false);
  });

  it("keeps marks of unchanged operations and objects, drops those the vendor's document changes", () => {
    const { kept, dropped } = carryOverEvidence(committed, vendor);
    expect(pathsOf(kept)).toEqual([
      "paths > /orders/{orderId} > delete",
      "paths > /orders/{orderId} > delete > responses > 204",
      "components > schemas > NewOrder > properties > channel",
      "components > schemas > Order",
    ]);
    expect(pathsOf(dropped)).toEqual([
      "paths > /orders > get", // its response items gained `note`
      "components > schemas > NewOrder", // gained `note`
    ]);
  });

  it("drops the marks of an operation the vendor's document removed", () => {
    const { dropped } = carryOverEvidence(committed, loadSpec("operation-removed"));
    expect(pathsOf(dropped)).toEqual([
      "paths > /orders/{orderId} > delete",
      "paths > /orders/{orderId} > delete > responses > 204",
    ]);
  });

  it("keeps every mark when the vendor's document says the same with other words", () => {
    const { kept, dropped } = carryOverEvidence(committed, loadSpec("noop-reformat"));
    expect(dropped).toEqual([]);
    expect(kept).toHaveLength(evidenceMarks(committed).length);
  });

  it("writes the kept marks into the vendor's text and leaves the rest of it as it was", () => {
    const vendorText = readFixture("field-added");
    const { kept } = carryOverEvidence(committed, vendor);
    const merged = addEvidenceMarks(vendorText, kept);

    const byPath = (marks: ReturnType<typeof evidenceMarks>) =>
      [...marks].sort((left, right) => left.path.join().localeCompare(right.path.join()));
    expect(byPath(evidenceMarks(parse(merged)))).toEqual(byPath(kept));
    const withoutMarks = merged
      .split("\n")
      .filter((line) => !line.includes("x-evidence"))
      .join("\n");
    expect(withoutMarks).toBe(vendorText);
  });

  it("returns the vendor's text untouched when no mark is kept", () => {
    const vendorText = readFixture("field-added");
    expect(addEvidenceMarks(vendorText, [])).toBe(vendorText);
  });
});
