import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The named examples of one operation, with every local `$ref` followed. */
export interface OperationExamples {
  method: string;
  path: string;
  /** Request body examples by name (empty when the operation takes no body). */
  request: Record<string, Json>;
  /** Whether the request body is required. */
  requestRequired: boolean;
  /** Response examples by status code, then by name. Statuses without a JSON body map to `{}`. */
  responses: Record<string, Record<string, Json>>;
}

/** Reads a spec and returns the named examples of every operation, keyed by operationId. */
export function specExamples(specFile: string): Record<string, OperationExamples> {
  const doc = parse(readFileSync(specFile, "utf8")) as Record<string, Json>;
  const resolve = (node: Json | undefined): Json | undefined => {
    let current = node;
    while (current && typeof current === "object" && !Array.isArray(current) && typeof current.$ref === "string") {
      current = pointer(doc, current.$ref);
    }
    return current;
  };
  const examplesOf = (mediaType: Json | undefined): Record<string, Json> => {
    const examples = asObject(asObject(resolve(mediaType)).examples);
    return Object.fromEntries(
      Object.entries(examples).map(([name, example]) => [name, asObject(resolve(example)).value ?? null]),
    );
  };
  const result: Record<string, OperationExamples> = {};
  for (const [path, item] of Object.entries(asObject(doc.paths))) {
    for (const [method, operation] of Object.entries(asObject(item))) {
      const op = asObject(operation);
      if (typeof op.operationId !== "string") {
        continue;
      }
      const body = asObject(resolve(op.requestBody));
      const responses: Record<string, Record<string, Json>> = {};
      for (const [status, response] of Object.entries(asObject(op.responses))) {
        responses[status] = examplesOf(asObject(asObject(resolve(response)).content)["application/json"]);
      }
      result[op.operationId] = {
        method,
        path,
        request: examplesOf(asObject(body.content)["application/json"]),
        requestRequired: body.required === true,
        responses,
      };
    }
  }
  return result;
}

function asObject(value: Json | undefined): Record<string, Json> {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function pointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#/")) {
    throw new Error(`only local $refs are supported, got ${ref}`);
  }
  let current: Json | undefined = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    current = asObject(current)[key];
  }
  return current;
}
