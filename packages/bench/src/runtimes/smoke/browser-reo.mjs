// Browser consumer (reo), bundled by esbuild for the browser and served by the mock on the same origin.

import * as reo from "@org/reo-ingest";
import * as core from "@org/sdk-core";
import { smoke } from "./smoke-core.mjs";

smoke({ core, reo }, location.origin).then(
  (checks) => {
    globalThis.__smoke = checks;
  },
  (error) => {
    globalThis.__smoke = [{ name: "browser smoke", ok: false, detail: String(error) }];
  },
);
