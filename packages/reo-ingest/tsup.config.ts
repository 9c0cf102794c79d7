import { defineConfig } from "tsup";

export default defineConfig([
  {
    // the libraries: `.` (fetch and web APIs only) and `./node` (process hooks)
    entry: { index: "src/index.ts", node: "src/node/index.ts" },
    format: ["esm"],
    dts: true,
    sourcemap: true,
    // dist is emptied by the build script: the two configs build in parallel, so neither may clean it
    target: "node20",
  },
  {
    // the `reo-ingest` command
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
  },
]);
