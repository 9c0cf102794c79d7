// Extracts the request-body schemas of the Revenera spec into src/generated/request-schemas.json, so the CLI can
// validate a request (from flags or a file) against the spec before sending it, without shipping the YAML.
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const specFile = new URL("../../../specs/revenera/v3_api_redocly.yaml", import.meta.url);
const outFile = new URL("../src/generated/request-schemas.json", import.meta.url);
const doc = parse(readFileSync(specFile, "utf8"));

const resolve = (node) => {
  let current = node;
  while (current?.$ref) {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((value, key) => value?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
  }
  return current;
};

const requests = {};
for (const item of Object.values(doc.paths)) {
  for (const operation of Object.values(item)) {
    const schema = resolve(operation?.requestBody)?.content?.["application/json"]?.schema;
    if (operation?.operationId && schema) {
      requests[operation.operationId] = schema;
    }
  }
}

const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
const output = {
  $comment: "Generated from specs/revenera/v3_api_redocly.yaml by scripts/generate-schemas.mjs. Do not edit.",
  specVersion: doc.info.version,
  requests: sorted(requests),
  components: { schemas: doc.components.schemas },
};
writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
console.log(`wrote ${Object.keys(requests).length} request schemas`);
