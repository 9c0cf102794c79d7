import { asArray, asObject, isObject, type JsonObject, type JsonValue, resolvePointer } from "./openapi.js";

/**
 * What a schema says about the data a client sends or receives, with `$ref`s followed and `allOf`/`anyOf`/`oneOf`
 * flattened. Two schemas written differently (inline vs `$ref`, `nullable` vs a type array) give the same shape, so
 * only changes a client can notice remain.
 */
export interface Shape {
  /** Sorted JSON types ("null" included); empty means any type. */
  types: string[];
  /** Allowed values (from `enum` or `const`), each JSON-encoded; undefined means not restricted. */
  values: string[] | undefined;
  properties: Map<string, Shape>;
  required: Set<string>;
  items: Shape | undefined;
}

const anyShape = (): Shape => ({
  types: [],
  values: undefined,
  properties: new Map(),
  required: new Set(),
  items: undefined,
});

/** Flattens a schema of `document` into a shape. A `$ref` already being expanded (a cycle) counts as any value. */
export function shapeOf(document: JsonObject, schema: JsonValue | undefined, expanding: readonly string[] = []): Shape {
  if (!isObject(schema)) {
    return anyShape();
  }
  const { $ref, allOf, anyOf, oneOf, ...own } = schema;
  const parts: Shape[] = [ownShape(document, own, expanding)];
  if (typeof $ref === "string") {
    parts.push(
      expanding.includes($ref) ? anyShape() : shapeOf(document, resolvePointer(document, $ref), [...expanding, $ref]),
    );
  }
  for (const member of asArray(allOf)) {
    parts.push(shapeOf(document, member, expanding));
  }
  for (const alternatives of [anyOf, oneOf]) {
    const shapes = asArray(alternatives).map((member) => shapeOf(document, member, expanding));
    const [first, ...rest] = shapes;
    if (first) {
      parts.push(rest.reduce(either, first));
    }
  }
  const [first, ...rest] = parts;
  return rest.reduce(both, first ?? anyShape());
}

function ownShape(document: JsonObject, schema: JsonObject, expanding: readonly string[]): Shape {
  const types = new Set(typeof schema.type === "string" ? [schema.type] : asArray(schema.type).map(String));
  if (schema.nullable === true) {
    types.add("null"); // OpenAPI 3.0's spelling of 3.1's `type: [T, "null"]`
  }
  const properties = new Map(
    Object.entries(asObject(schema.properties)).map(([name, member]) => [name, shapeOf(document, member, expanding)]),
  );
  const required = new Set(asArray(schema.required).map(String));
  // A schema with properties but no `type` describes objects all the same; without this, adding `type: object`
  // would read as a type change.
  if (types.size === 0 && (properties.size > 0 || required.size > 0)) {
    types.add("object");
  }
  if (types.size === 0 && schema.items !== undefined) {
    types.add("array");
  }
  let values: string[] | undefined;
  if ("const" in schema) {
    values = [JSON.stringify(schema.const)];
  } else if (Array.isArray(schema.enum)) {
    values = [...new Set(schema.enum.map((value) => JSON.stringify(value)))];
  }
  return {
    types: [...types].sort(),
    values,
    properties,
    required,
    items: schema.items === undefined ? undefined : shapeOf(document, schema.items, expanding),
  };
}

/** `allOf`: data must match both shapes. */
function both(left: Shape, right: Shape): Shape {
  const properties = new Map(left.properties);
  for (const [name, shape] of right.properties) {
    const existing = properties.get(name);
    properties.set(name, existing ? both(existing, shape) : shape);
  }
  return {
    types:
      left.types.length === 0
        ? right.types
        : right.types.length === 0
          ? left.types
          : intersect(left.types, right.types),
    values: left.values && right.values ? intersect(left.values, right.values) : (left.values ?? right.values),
    properties,
    required: new Set([...left.required, ...right.required]),
    items: left.items && right.items ? both(left.items, right.items) : (left.items ?? right.items),
  };
}

/** `anyOf`/`oneOf`: data matches one of the shapes, so only what both require is required. */
function either(left: Shape, right: Shape): Shape {
  const properties = new Map(left.properties);
  for (const [name, shape] of right.properties) {
    const existing = properties.get(name);
    properties.set(name, existing ? either(existing, shape) : shape);
  }
  return {
    types:
      left.types.length === 0 || right.types.length === 0 ? [] : [...new Set([...left.types, ...right.types])].sort(),
    values: left.values && right.values ? [...new Set([...left.values, ...right.values])] : undefined,
    properties,
    required: new Set([...left.required].filter((name) => right.required.has(name))),
    items: left.items && right.items ? either(left.items, right.items) : (left.items ?? right.items),
  };
}

function intersect(left: string[], right: string[]): string[] {
  return left.filter((value) => right.includes(value));
}
