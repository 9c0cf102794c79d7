// Browser consumer (revenera), bundled by esbuild for the browser and served by the mock on the same origin.
import * as revenera from "@org/revenera-client";
import { smoke } from "./smoke-core.mjs";

smoke({ revenera }, location.origin).then(
  (checks) => {
    globalThis.__smoke = checks;
  },
  (error) => {
    globalThis.__smoke = [{ name: "browser smoke", ok: false, detail: String(error) }];
  },
);
