// CommonJS consumer: `<runtime> cjs.cjs <mockUrl>`. The packages are ESM-only: require() loads them as Node
// (^20.19.0 || >=22.12.0) and Bun load an ES module from CommonJS, with no CommonJS build involved.
const core = require("@org/sdk-core");
const reo = require("@org/reo-ingest");
const reoNode = require("@org/reo-ingest/node");
const revenera = require("@org/revenera-client");

import("./smoke-core.mjs")
  .then(({ smoke }) => smoke({ core, reo, revenera }, process.argv[2]))
  .then((checks) => {
    const ok = typeof reoNode.flushOnExit === "function";
    checks.push({
      name: "reo-ingest/node: require() of the subpath",
      ok,
      detail: ok ? "flushOnExit" : `exports: ${Object.keys(reoNode).join(", ") || "none"}`,
    });
    console.log(JSON.stringify(checks));
    process.exit(0);
  });
