// Run as a child process by flush-on-exit.test.ts: tracks one event and lets the program end.
import { createReoIngest } from "../../src/index.js";
import { flushOnExit } from "../../src/node/index.js";

const reo = createReoIngest({
  apiKey: "test-key",
  productId: "p",
  baseUrl: process.env.INGEST_URL,
  env: {},
  retry: { maxRetries: 3, initialDelayMs: 300, maxDelayMs: 300 },
});
if (process.env.FLUSH_ON_EXIT === "1") {
  flushOnExit(reo, { timeoutMs: 5_000, onShutdown: (report) => console.log(JSON.stringify(report)) });
}
reo.track({ activity_type: "CALL_HOME", domain: "example.com", user_agent: "fixture" });
