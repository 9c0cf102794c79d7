// CommonJS TypeScript consumer: type-checked with `tsc --noEmit` under moduleResolution nodenext, where TypeScript
// (>= 5.8) types `require()` of the ESM-only packages as Node's `require(esm)` does.
import reo = require("@org/reo-ingest");
import reoNode = require("@org/reo-ingest/node");
import revenera = require("@org/revenera-client");
import core = require("@org/sdk-core");

const client = reo.createReoIngest({ apiKey: "key", productId: "consumer" });
export const stop: () => void = reoNode.flushOnExit(client);
export const rui: revenera.ReveneraClient = revenera.createReveneraClient({
  userName: "me@example.com",
  password: "x",
});
export const isSdkError: boolean = new core.TimeoutError({ method: "GET", path: "/" }, 1) instanceof core.SdkError;
