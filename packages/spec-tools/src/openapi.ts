/**
 * The small part of an OpenAPI 3.x document the comparison reads. Documents come from YAML parsing, so every member
 * is optional and values are checked where they are used.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** Follows a local `$ref` ("#/components/schemas/X"); external references must be bundled before comparing. */
export function resolvePointer(document: JsonObject, ref: string): JsonValue | undefined {
  if (!ref.startsWith("#")) {
    throw new Error(`external $ref "${ref}" is not supported here: bundle the document first (redocly bundle)`);
  }
  let node: JsonValue | undefined = document;
  for (const rawSegment of ref.slice(1).split("/").slice(1)) {
    const segment = decodeURIComponent(rawSegment).replaceAll("~1", "/").replaceAll("~0", "~");
    node = Array.isArray(node) ? node[Number(segment)] : isObject(node) ? node[segment] : undefined;
  }
  return node;
}

/** A parameter, request body or response object with its `$ref` (possibly a chain of them) followed. */
export function dereference(document: JsonObject, value: JsonValue | undefined): JsonObject {
  let node = value;
  for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 20; hops++) {
    node = resolvePointer(document, node.$ref);
  }
  return asObject(node);
}

/** Whether a document references anything outside itself, so it needs `redocly bundle` before use. */
export function hasExternalRefs(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(hasExternalRefs);
  }
  if (!isObject(value)) {
    return false;
  }
  return Object.entries(value).some(([key, member]) =>
    key === "$ref" && typeof member === "string" ? !member.startsWith("#") : hasExternalRefs(member),
  );
}
