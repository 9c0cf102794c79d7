import { readFileSync } from "node:fs";
import { parse } from "yaml";

export interface SpecOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  operationId: string;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Every operation of an OpenAPI document, in document order. */
export function listOperations(specFile: string): SpecOperation[] {
  const doc = parse(readFileSync(specFile, "utf8")) as {
    paths?: Record<string, Record<string, { operationId?: string }>>;
  };
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) {
        operations.push({ method, path, operationId: operation.operationId ?? `${method} ${path}` });
      }
    }
  }
  return operations;
}
