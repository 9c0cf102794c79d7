import { isDeepStrictEqual } from "node:util";
import { parseDocument } from "yaml";
import { diffSpecs, operationsOf } from "./diff.js";
import { HTTP_METHODS, isObject, type JsonObject, type JsonValue } from "./openapi.js";

export const EVIDENCE_KEY = "x-evidence";

export interface EvidenceMark {
  /** Keys from the document root to the object carrying the mark. */
  path: (string | number)[];
  value: JsonValue;
}

/** Every `x-evidence` mark of a document, in document order. */
export function evidenceMarks(document: JsonValue, path: (string | number)[] = []): EvidenceMark[] {
  if (Array.isArray(document)) {
    return document.flatMap((member, index) => evidenceMarks(member, [...path, index]));
  }
  if (!isObject(document)) {
    return [];
  }
  return Object.entries(document).flatMap(([key, member]) =>
    key === EVIDENCE_KEY ? [{ path, value: member }] : evidenceMarks(member, [...path, key]),
  );
}

/**
 * A document is the vendor's when it carries no `x-evidence` mark at all: the marks are our reconstruction's
 * vocabulary, which the vendor does not use. A document with marks is our own (edited) reconstruction, whose marks
 * are already the ones we mean.
 */
export function isVendorDocument(document: JsonObject): boolean {
  return evidenceMarks(document).length === 0;
}

export interface CarriedOverEvidence {
  kept: EvidenceMark[];
  dropped: EvidenceMark[];
}

/**
 * Which of the committed document's marks still hold in the vendor's document. The vendor's word replaces our guess
 * wherever it says something different:
 * - a mark inside an operation (the operation itself, an inline header or response) is kept when the comparison finds
 *   no change in that operation, and dropped otherwise;
 * - a mark elsewhere (a schema or one of its fields, a shared parameter under `components`) is kept when that object
 *   is unchanged, ignoring its documentation (descriptions, examples), so unchanged fields of a changed schema keep
 *   their marks.
 * A mark is also dropped when the object carrying it no longer exists.
 */
export function carryOverEvidence(committed: JsonObject, vendor: JsonObject): CarriedOverEvidence {
  const changedOperations = new Set(diffSpecs(committed, vendor).map((change) => change.operation));
  const operationPaths = new Map<string, string>(
    [...operationsOf(committed).keys()].map((key) => {
      const [method = "", ...path] = key.split(" ");
      return [`${path.join(" ")}\u0000${method.toLowerCase()}`, key];
    }),
  );
  const kept: EvidenceMark[] = [];
  const dropped: EvidenceMark[] = [];
  for (const mark of evidenceMarks(committed)) {
    const target = nodeAt(vendor, mark.path);
    const [root, path, method] = mark.path;
    const operation =
      root === "paths" && HTTP_METHODS.some((known) => known === method)
        ? operationPaths.get(`${String(path)}\u0000${String(method)}`)
        : undefined;
    const holds =
      isObject(target) &&
      (operation !== undefined
        ? !changedOperations.has(operation)
        : isDeepStrictEqual(contractOf(nodeAt(committed, mark.path)), contractOf(target)));
    (holds ? kept : dropped).push(mark);
  }
  return { kept, dropped };
}

/**
 * The vendor's YAML text with the kept marks added. Only the marked objects are touched; the rest of the vendor's
 * formatting and comments stay as they were.
 */
export function addEvidenceMarks(yamlText: string, marks: readonly EvidenceMark[]): string {
  if (marks.length === 0) {
    return yamlText;
  }
  const document = parseDocument(yamlText);
  for (const mark of marks) {
    document.setIn([...mark.path, EVIDENCE_KEY], mark.value);
  }
  // No line width: folding the vendor's long descriptions would make the diff of the update unreadable.
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function nodeAt(document: JsonValue, path: readonly (string | number)[]): JsonValue | undefined {
  let node: JsonValue | undefined = document;
  for (const key of path) {
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[String(key)] : undefined;
  }
  return node;
}

const DOCUMENTATION_KEYS = new Set(["description", "summary", "title", "example", "examples", "externalDocs"]);
/** Lists whose order carries no meaning. */
const SET_KEYS = new Set(["required", "enum", "type"]);

/**
 * What an object says about the API: without documentation and marks, with set-like lists sorted.
 * `isNameMap`: the members of `properties` are field names, so a field called "description" stays.
 */
function contractOf(value: JsonValue | undefined, isNameMap = false): JsonValue | undefined {
  if (Array.isArray(value)) {
    return value.map((member) => contractOf(member) ?? null);
  }
  if (!isObject(value)) {
    return value;
  }
  const result: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    if (isNameMap || (!DOCUMENTATION_KEYS.has(key) && key !== EVIDENCE_KEY)) {
      let contract = contractOf(member, !isNameMap && key === "properties") ?? null;
      if (!isNameMap && key === "type" && typeof contract === "string") {
        contract = [contract]; // `type: string` and `type: [string]` say the same
      }
      const isSet = !isNameMap && SET_KEYS.has(key);
      result[key] =
        isSet && Array.isArray(contract)
          ? [...contract].sort((left, right) => String(left).localeCompare(String(right)))
          : contract;
    }
  }
  return result;
}
