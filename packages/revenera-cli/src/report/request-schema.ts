import type { ArgumentIssue } from "@org/sdk-core";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import schemas from "../generated/request-schemas.json" with { type: "json" };

type Schema = { $ref?: string; properties?: Record<string, unknown> };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "revenera", components: schemas.components }, "revenera");
const compiled = new Map<string, ValidateFunction>();

/** The names of the top-level request fields of an operation (after following `$ref`s). */
export function requestFields(operationId: string): string[] {
  let schema = (schemas.requests as Record<string, Schema>)[operationId];
  while (schema?.$ref) {
    const name = schema.$ref.split("/").pop() ?? "";
    schema = (schemas.components.schemas as Record<string, Schema>)[name];
  }
  return Object.keys(schema?.properties ?? {});
}

/** Validates a request body against the spec's schema for `operationId`; returns the broken rules by field. */
export function checkRequest(operationId: string, body: unknown): ArgumentIssue[] {
  let validate = compiled.get(operationId);
  if (!validate) {
    const schema = (schemas.requests as Record<string, unknown>)[operationId];
    validate = ajv.compile(rebase(schema) as object);
    compiled.set(operationId, validate);
  }
  if (validate(body)) {
    return [];
  }
  return summarise(validate.errors ?? []);
}

/** Points local `#/components/...` refs at the registered spec document. */
function rebase(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/components/', '"$ref":"revenera#/components/'));
}

/** Turns Ajv errors into one rule per field (a `oneOf` yields many branch errors; keep the most specific). */
function summarise(errors: ErrorObject[]): ArgumentIssue[] {
  const issues = new Map<string, string>();
  for (const error of errors) {
    const base = error.instancePath.slice(1).replaceAll("/", ".");
    const path =
      error.keyword === "required"
        ? [base, (error.params as { missingProperty: string }).missingProperty].filter(Boolean).join(".")
        : base;
    const rule =
      error.keyword === "required"
        ? "is required"
        : error.keyword === "enum"
          ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`
          : (error.message ?? "is invalid");
    if (!issues.has(path) || error.keyword === "oneOf") {
      issues.set(path, issues.get(path) ?? rule);
    }
  }
  return [...issues].map(([path, rule]) => ({ path, rule }));
}
