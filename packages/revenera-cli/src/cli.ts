#!/usr/bin/env node
import packageJson from "../package.json" with { type: "json" };
import { run } from "./run.js";

const controller = new AbortController();
process.once("SIGINT", () => {
  process.stderr.write("\nInterrupted: partial downloads are kept and resume on the next run.\n");
  controller.abort(new Error("interrupted"));
});
process.exitCode = await run(process.argv.slice(2), { signal: controller.signal }, packageJson.version);
