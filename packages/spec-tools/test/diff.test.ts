import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Bump, bumpFor, type ChangeKind, diffSpecs, renderReport } from "../src/index.js";
import type { JsonObject } from "../src/openapi.js";

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const loadSpec = (name: string) => parse(readFileSync(fixture(`${name}.yaml`), "utf8")) as JsonObject;

/** Each fixture is before.yaml → <name>.yaml; <name>.expected.md is the report a maintainer should see. */
const cases: { name: string; bump: Bump; kinds: ChangeKind[] }[] = [
  { name: "field-added", bump: "minor", kinds: ["response-field-added", "request-field-added"] },
  { name: "field-removed", bump: "major", kinds: ["response-field-removed", "request-field-removed"] },
  { name: "enum-narrowed", bump: "major", kinds: ["response-enum-value-removed", "request-enum-value-removed"] },
  { name: "operation-removed", bump: "major", kinds: ["operation-removed"] },
  { name: "parameter-made-required", bump: "major", kinds: ["parameter-made-required"] },
  { name: "noop-reformat", bump: "patch", kinds: [] },
  {
    name: "mixed",
    bump: "major",
    kinds: [
      "response-enum-value-added",
      "response-field-made-required",
      "response-type-changed",
      "request-field-made-required",
      "security-alternative-added",
      "operation-added",
    ],
  },
];

describe.each(cases)("before.yaml → $name.yaml", ({ name, bump, kinds }) => {
  const changes = diffSpecs(loadSpec("before"), loadSpec(name));

  it(`finds ${kinds.join(", ") || "no change"}`, () => {
    expect(new Set(changes.map((change) => change.kind))).toEqual(new Set(kinds));
  });

  it(`calls for a ${bump} release`, () => {
    expect(bumpFor(changes)).toBe(bump);
  });

  it("renders the expected report", () => {
    const report = renderReport(changes, { title: "Orders API", oldVersion: "1.0.0", newVersion: "1.0.0" });
    expect(report).toBe(readFileSync(fixture(`${name}.expected.md`), "utf8"));
  });
});

describe("diffSpecs", () => {
  it("finds nothing between a document and itself", () => {
    const spec = loadSpec("before");
    expect(diffSpecs(spec, structuredClone(spec))).toEqual([]);
  });

  it("follows $refs through every operation that uses a shared schema", () => {
    const changes = diffSpecs(loadSpec("before"), loadSpec("field-removed"));
    expect(changes.map((change) => change.location)).toEqual([
      "GET /orders response 200 `[].quantity`",
      "POST /orders request body `quantity`",
      "POST /orders response 201 `quantity`",
    ]);
    expect(changes.every((change) => change.breaking)).toBe(true);
  });

  it("reads the reverse of a narrowed request enum as an addition that breaks nobody", () => {
    const changes = diffSpecs(loadSpec("enum-narrowed"), loadSpec("before"));
    const request = changes.find(
      (change) => change.operation === "POST /orders" && change.subject.startsWith("request"),
    );
    expect(request).toMatchObject({
      kind: "request-enum-value-added",
      breaking: false,
      message: "enum value `phone` added",
    });
    // In a response the same new value breaks exhaustive switches over the field.
    expect(changes.filter((change) => change.kind === "response-enum-value-added")).toHaveLength(2);
  });

  it("reports a new required parameter and a removed one as breaking, a new optional one as not", () => {
    const before = loadSpec("before");
    const after = structuredClone(before);
    const listOrders = (after.paths as { "/orders": { get: { parameters: JsonObject[] } } })["/orders"].get;
    listOrders.parameters = [
      { name: "cursor", in: "query", schema: { type: "string" } },
      { name: "X-Tenant", in: "header", required: true, schema: { type: "string" } },
    ];
    expect(diffSpecs(before, after).map(({ kind, subject, breaking }) => ({ kind, subject, breaking }))).toEqual([
      { kind: "parameter-added", subject: "query parameter `cursor`", breaking: false },
      { kind: "required-parameter-added", subject: "header parameter `X-Tenant`", breaking: true },
      { kind: "parameter-removed", subject: "query parameter `limit`", breaking: true },
    ]);
  });

  it("reports a changed security requirement and a changed scheme as breaking", () => {
    const before = loadSpec("before");
    const after = structuredClone(before);
    after.security = [{ Bearer: [] }];
    (after.components as { securitySchemes: JsonObject }).securitySchemes = {
      ApiKey: { type: "apiKey", in: "query", name: "key" },
      Bearer: { type: "http", scheme: "bearer" },
    };
    const changes = diffSpecs(before, after);
    expect(changes.filter((change) => change.kind === "security-changed")).toHaveLength(3);
    expect(changes.find((change) => change.kind === "security-scheme-changed")).toMatchObject({
      operation: undefined,
      location: "security scheme ApiKey",
      message: "now sent as apiKey query key",
      breaking: true,
    });
  });

  it("survives a schema that refers to itself", () => {
    const before = loadSpec("before");
    const schemas = (before.components as { schemas: Record<string, JsonObject> }).schemas;
    schemas.NewOrder = { ...schemas.NewOrder, properties: { parent: { $ref: "#/components/schemas/NewOrder" } } };
    const after = structuredClone(before);
    (after.components as { schemas: Record<string, JsonObject> }).schemas.NewOrder = {
      ...schemas.NewOrder,
      properties: { parent: { $ref: "#/components/schemas/NewOrder" }, note: { type: "string" } },
    };
    expect(diffSpecs(before, after).map((change) => change.location)).toContain("POST /orders request body `note`");
  });

  it("refuses external $refs, which must be bundled first", () => {
    const before = loadSpec("before");
    const after = structuredClone(before);
    (after.paths as { "/orders": { post: JsonObject } })["/orders"].post.requestBody = {
      content: { "application/json": { schema: { $ref: "./orders.yaml#/NewOrder" } } },
    };
    expect(() => diffSpecs(before, after)).toThrow(/bundle the document first/);
  });
});

describe("bumpFor", () => {
  it("takes the largest bump of its changes", () => {
    const changes = diffSpecs(loadSpec("before"), loadSpec("mixed"));
    expect(bumpFor(changes.filter((change) => !change.breaking))).toBe("minor");
    expect(bumpFor(changes)).toBe("major");
    expect(bumpFor([])).toBe("patch");
  });
});
