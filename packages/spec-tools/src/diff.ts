import {
  asArray,
  asObject,
  dereference,
  HTTP_METHODS,
  type HttpMethod,
  isObject,
  type JsonObject,
  type JsonValue,
} from "./openapi.js";
import { CHANGE_RULES, type Change, type ChangeKind } from "./rules.js";
import { type Shape, shapeOf } from "./shape.js";

type Direction = "request" | "response";

/** Collects changes for one operation (or for the document when `operation` is undefined). */
class ChangeLog {
  readonly changes: Change[] = [];

  emit(kind: ChangeKind, operation: string | undefined, subject: string, message: string): void {
    const location = [operation, subject].filter(Boolean).join(" ");
    this.changes.push({ kind, breaking: CHANGE_RULES[kind].bump === "major", operation, subject, location, message });
  }
}

/**
 * Every change between two OpenAPI 3.x documents that a user of a client generated from them can notice, in the
 * order of the new document (removed operations last). Descriptions, examples and `x-` extensions are not compared.
 */
export function diffSpecs(oldDocument: JsonObject, newDocument: JsonObject): Change[] {
  const log = new ChangeLog();
  const oldOperations = operationsOf(oldDocument);
  const newOperations = operationsOf(newDocument);
  for (const [key, newOperation] of newOperations) {
    const oldOperation = oldOperations.get(key);
    if (oldOperation) {
      compareOperations(
        log,
        key,
        { document: oldDocument, ...oldOperation },
        { document: newDocument, ...newOperation },
      );
    } else {
      log.emit("operation-added", key, "", "operation added");
    }
  }
  for (const key of oldOperations.keys()) {
    if (!newOperations.has(key)) {
      log.emit("operation-removed", key, "", "operation removed");
    }
  }
  compareSecuritySchemes(log, oldDocument, newDocument);
  return log.changes;
}

interface Operation {
  pathItem: JsonObject;
  operation: JsonObject;
}

interface OperationInContext extends Operation {
  document: JsonObject;
}

/** Operations keyed "METHOD /path", in document order. */
export function operationsOf(document: JsonObject): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [path, pathItemValue] of Object.entries(asObject(document.paths))) {
    const pathItem = dereference(document, pathItemValue);
    for (const method of HTTP_METHODS) {
      if (isObject(pathItem[method])) {
        operations.set(operationKey(method, path), { pathItem, operation: pathItem[method] });
      }
    }
  }
  return operations;
}

export function operationKey(method: HttpMethod, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

function compareOperations(log: ChangeLog, key: string, before: OperationInContext, after: OperationInContext): void {
  if (after.operation.deprecated === true && before.operation.deprecated !== true) {
    log.emit("operation-deprecated", key, "", "operation deprecated");
  }
  compareParameters(log, key, before, after);
  compareRequestBodies(log, key, before, after);
  compareResponses(log, key, before, after);
  compareSecurity(log, key, before, after);
}

interface Parameter {
  label: string;
  required: boolean;
  schema: JsonValue | undefined;
}

/** Path-level parameters overridden by operation-level ones, keyed by location and name. */
function parametersOf({ document, pathItem, operation }: OperationInContext): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  for (const value of [...asArray(pathItem.parameters), ...asArray(operation.parameters)]) {
    const parameter = dereference(document, value);
    const location = String(parameter.in);
    const name = String(parameter.name);
    parameters.set(`${location} ${name}`, {
      label: `${location} parameter \`${name}\``,
      required: parameter.required === true,
      schema: parameter.schema,
    });
  }
  return parameters;
}

function compareParameters(log: ChangeLog, key: string, before: OperationInContext, after: OperationInContext): void {
  const oldParameters = parametersOf(before);
  const newParameters = parametersOf(after);
  for (const [id, parameter] of newParameters) {
    const old = oldParameters.get(id);
    if (!old) {
      log.emit(
        parameter.required ? "required-parameter-added" : "parameter-added",
        key,
        parameter.label,
        parameter.required ? "added (required)" : "added (optional)",
      );
      continue;
    }
    if (parameter.required && !old.required) {
      log.emit("parameter-made-required", key, parameter.label, "made required");
    } else if (!parameter.required && old.required) {
      log.emit("parameter-made-optional", key, parameter.label, "made optional");
    }
    compareShapes(log, key, "request", parameter.label, [], {
      before: shapeOf(before.document, old.schema),
      after: shapeOf(after.document, parameter.schema),
    });
  }
  for (const [id, parameter] of oldParameters) {
    if (!newParameters.has(id)) {
      log.emit("parameter-removed", key, parameter.label, "removed");
    }
  }
}

function compareRequestBodies(
  log: ChangeLog,
  key: string,
  before: OperationInContext,
  after: OperationInContext,
): void {
  const hasOld = before.operation.requestBody !== undefined;
  const hasNew = after.operation.requestBody !== undefined;
  const oldBody = dereference(before.document, before.operation.requestBody);
  const newBody = dereference(after.document, after.operation.requestBody);
  const subject = "request body";
  if (!hasOld && !hasNew) {
    return;
  }
  if (!hasOld) {
    const required = newBody.required === true;
    log.emit(
      required ? "required-request-body-added" : "request-body-added",
      key,
      subject,
      required ? "required request body added" : "optional request body added",
    );
    return;
  }
  if (!hasNew) {
    log.emit("request-body-removed", key, subject, "request body removed");
    return;
  }
  if (newBody.required === true && oldBody.required !== true) {
    log.emit("request-body-made-required", key, subject, "request body made required");
  } else if (newBody.required !== true && oldBody.required === true) {
    log.emit("request-body-made-optional", key, subject, "request body made optional");
  }
  compareContent(log, key, "request", subject, before.document, oldBody, after.document, newBody);
}

function compareResponses(log: ChangeLog, key: string, before: OperationInContext, after: OperationInContext): void {
  const oldResponses = asObject(before.operation.responses);
  const newResponses = asObject(after.operation.responses);
  for (const [status, value] of Object.entries(newResponses)) {
    const subject = `response ${status}`;
    if (!(status in oldResponses)) {
      log.emit("response-added", key, subject, "response status added");
      continue;
    }
    const oldResponse = dereference(before.document, oldResponses[status]);
    const newResponse = dereference(after.document, value);
    compareContent(log, key, "response", subject, before.document, oldResponse, after.document, newResponse);
  }
  for (const status of Object.keys(oldResponses)) {
    if (!(status in newResponses)) {
      log.emit("response-removed", key, `response ${status}`, "response status removed");
    }
  }
}

/** Compares the schemas of a request body or response per media type. */
function compareContent(
  log: ChangeLog,
  key: string,
  direction: Direction,
  subject: string,
  oldDocument: JsonObject,
  oldOwner: JsonObject,
  newDocument: JsonObject,
  newOwner: JsonObject,
): void {
  const oldContent = asObject(oldOwner.content);
  const newContent = asObject(newOwner.content);
  const onlyOneMediaType = Object.keys(oldContent).length === 1 && Object.keys(newContent).length === 1;
  for (const [mediaType, media] of Object.entries(newContent)) {
    const oldMedia = oldContent[mediaType];
    const mediaSubject = onlyOneMediaType ? subject : `${subject} (${mediaType})`;
    if (oldMedia === undefined) {
      log.emit(`${direction}-media-type-added`, key, subject, `media type ${mediaType} added`);
      continue;
    }
    compareShapes(log, key, direction, mediaSubject, [], {
      before: shapeOf(oldDocument, asObject(oldMedia).schema),
      after: shapeOf(newDocument, asObject(media).schema),
    });
  }
  for (const mediaType of Object.keys(oldContent)) {
    if (!(mediaType in newContent)) {
      log.emit(`${direction}-media-type-removed`, key, subject, `media type ${mediaType} removed`);
    }
  }
}

function compareShapes(
  log: ChangeLog,
  key: string,
  direction: Direction,
  subject: string,
  fieldPath: readonly string[],
  { before, after }: { before: Shape; after: Shape },
): void {
  const where = fieldPath.length > 0 ? `${subject} ${fieldName(fieldPath)}` : subject;
  const typesChanged = before.types.join() !== after.types.join();
  if (typesChanged) {
    const message = `type ${describeTypes(before.types)} → ${describeTypes(after.types)}`;
    if (direction === "response") {
      log.emit("response-type-changed", key, where, message);
    } else {
      // An empty type list accepts anything, so it is wider than any list.
      const narrowed =
        after.types.length > 0 &&
        (before.types.length === 0 || before.types.some((type) => !after.types.includes(type)));
      log.emit(narrowed ? "request-type-narrowed" : "request-type-widened", key, where, message);
    }
  }
  compareValues(log, key, direction, where, before.values, after.values);

  const comparesObjects = !typesChanged || (before.types.includes("object") && after.types.includes("object"));
  if (comparesObjects) {
    compareProperties(log, key, direction, subject, fieldPath, before, after);
  }
  const comparesArrays = !typesChanged || (before.types.includes("array") && after.types.includes("array"));
  if (comparesArrays && before.items && after.items) {
    const itemPath = fieldPath.length > 0 ? [...fieldPath.slice(0, -1), `${fieldPath.at(-1)}[]`] : ["[]"];
    compareShapes(log, key, direction, subject, itemPath, { before: before.items, after: after.items });
  }
}

function compareProperties(
  log: ChangeLog,
  key: string,
  direction: Direction,
  subject: string,
  fieldPath: readonly string[],
  before: Shape,
  after: Shape,
): void {
  for (const [name, shape] of after.properties) {
    const path = [...fieldPath, name];
    const where = `${subject} ${fieldName(path)}`;
    const oldShape = before.properties.get(name);
    const nowRequired = after.required.has(name);
    const wasRequired = before.required.has(name);
    if (!oldShape) {
      if (direction === "response") {
        log.emit("response-field-added", key, where, "field added");
      } else if (nowRequired) {
        log.emit("required-request-field-added", key, where, "required field added");
      } else {
        log.emit("request-field-added", key, where, "optional field added");
      }
      continue;
    }
    if (nowRequired && !wasRequired) {
      log.emit(
        `${direction}-field-made-required`,
        key,
        where,
        direction === "response" ? "field now always present" : "field made required",
      );
    } else if (!nowRequired && wasRequired) {
      log.emit(
        `${direction}-field-made-optional`,
        key,
        where,
        direction === "response" ? "field no longer always present" : "field made optional",
      );
    }
    compareShapes(log, key, direction, subject, path, { before: oldShape, after: shape });
  }
  for (const name of before.properties.keys()) {
    if (!after.properties.has(name)) {
      log.emit(`${direction}-field-removed`, key, `${subject} ${fieldName([...fieldPath, name])}`, "field removed");
    }
  }
}

function compareValues(
  log: ChangeLog,
  key: string,
  direction: Direction,
  where: string,
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
): void {
  if (before === undefined && after === undefined) {
    return;
  }
  if (before === undefined) {
    log.emit(`${direction}-enum-introduced`, key, where, `now restricted to ${describeValues(after ?? [])}`);
    return;
  }
  if (after === undefined) {
    log.emit(`${direction}-enum-lifted`, key, where, `no longer restricted to ${describeValues(before)}`);
    return;
  }
  for (const value of after.filter((value) => !before.includes(value))) {
    log.emit(`${direction}-enum-value-added`, key, where, `enum value ${describeValues([value])} added`);
  }
  for (const value of before.filter((value) => !after.includes(value))) {
    log.emit(`${direction}-enum-value-removed`, key, where, `enum value ${describeValues([value])} removed`);
  }
}

function fieldName(path: readonly string[]): string {
  return `\`${path.join(".")}\``;
}

/** JSON-encoded enum values as code, strings without their quotes. */
function describeValues(values: readonly string[]): string {
  return values
    .map((value) => {
      const decoded: unknown = JSON.parse(value);
      return `\`${typeof decoded === "string" ? decoded : value}\``;
    })
    .join(", ");
}

function describeTypes(types: readonly string[]): string {
  return types.length === 0 ? "any" : types.join(" | ");
}

/** An operation's security alternatives as canonical strings: "ApiKey", "A+B", "anonymous". */
function securityOf({ document, operation }: OperationInContext): string[] {
  const requirements = asArray(operation.security ?? document.security);
  return requirements
    .map((requirement) => {
      const schemes = Object.entries(asObject(requirement)).map(([name, scopes]) => {
        const scopeList = asArray(scopes).map(String).sort();
        return scopeList.length > 0 ? `${name}(${scopeList.join(" ")})` : name;
      });
      return schemes.length > 0 ? schemes.sort().join("+") : "anonymous";
    })
    .sort();
}

function compareSecurity(log: ChangeLog, key: string, before: OperationInContext, after: OperationInContext): void {
  const oldAlternatives = securityOf(before);
  const newAlternatives = securityOf(after);
  if (oldAlternatives.join() === newAlternatives.join()) {
    return;
  }
  const describe = (alternatives: readonly string[]) => (alternatives.length > 0 ? alternatives.join(" or ") : "none");
  const message = `${describe(oldAlternatives)} → ${describe(newAlternatives)}`;
  // No requirement at all means anonymous access, which every client already manages.
  const everyOldWayStillWorks =
    newAlternatives.length === 0 || oldAlternatives.every((alternative) => newAlternatives.includes(alternative));
  log.emit(everyOldWayStillWorks ? "security-alternative-added" : "security-changed", key, "security", message);
}

/** How a credential is sent: a change here breaks every operation using the scheme. */
function compareSecuritySchemes(log: ChangeLog, oldDocument: JsonObject, newDocument: JsonObject): void {
  const oldSchemes = asObject(asObject(oldDocument.components).securitySchemes);
  const newSchemes = asObject(asObject(newDocument.components).securitySchemes);
  const transportOf = (document: JsonObject, scheme: JsonValue | undefined) => {
    const { type, in: location, name, scheme: httpScheme } = dereference(document, scheme);
    return JSON.stringify({ type, location, name, httpScheme });
  };
  for (const [name, scheme] of Object.entries(oldSchemes)) {
    const newScheme = newSchemes[name];
    if (newScheme !== undefined && transportOf(oldDocument, scheme) !== transportOf(newDocument, newScheme)) {
      const { type, in: location, name: headerName } = dereference(newDocument, newScheme);
      const sentAs = [type, location, headerName].filter((part) => part !== undefined).join(" ");
      log.emit("security-scheme-changed", undefined, `security scheme ${name}`, `now sent as ${sentAs}`);
    }
  }
}
