// CommonJS consumer: `<runtime> cjs.cjs <mockUrl>`; the packages are loaded with require().
const core = require("@org/sdk-core");
const reo = require("@org/reo-ingest");
const revenera = require("@org/revenera-client");

import("./smoke-core.mjs")
  .then(({ smoke }) => smoke({ core, reo, revenera }, process.argv[2]))
  .then((checks) => {
    console.log(JSON.stringify(checks));
    process.exit(0);
  });
