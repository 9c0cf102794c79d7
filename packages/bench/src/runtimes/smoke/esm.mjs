// ESM consumer: `<runtime> esm.mjs <mockUrl>`; prints the checks as one JSON line.

import * as reo from "@org/reo-ingest";
import * as revenera from "@org/revenera-client";
import * as core from "@org/sdk-core";
import { smoke } from "./smoke-core.mjs";

const url = globalThis.Deno ? globalThis.Deno.args[0] : process.argv[2];
const checks = await smoke({ core, reo, revenera }, url);
console.log(JSON.stringify(checks));
if (globalThis.Deno) {
  globalThis.Deno.exit(0);
} else {
  process.exit(0);
}
