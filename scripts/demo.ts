// The main job: both products against local Prism mocks of their specs, no credentials needed.
//  1. the `revenera` CLI tour (login, products, reports as a table and an HTML chart, an export with progress);
//  2. `@org/reo-ingest` tracking call-home events, with validation, aggregation and a clean shutdown.
// Run it with `bash scripts/demo` (sets everything up first) or `pnpm demo [output folder]` (after `pnpm build`).
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { createReoIngest } from "@org/reo-ingest";
import { type PrismServer, specPath, startPrism } from "@org/test-utils";

const outputDir = resolve(process.argv[2] ?? "demo-output");

function heading(text: string) {
  console.log(`\n== ${text}`);
}

async function reo(prism: PrismServer) {
  heading(`Reo.Dev Product Usage API (Prism mock at ${prism.url})`);
  const reoIngest = createReoIngest({
    apiKey: "demo-api-key",
    productId: "demoCli",
    environment: "DEVELOPMENT",
    baseUrl: prism.url,
    honorOptOutEnv: false,
    onError: ({ reason, error }) => console.log(`  onError(${reason}): ${error.message.split("\n").join(" | ")}`),
  });

  for (const command of ["init", "build", "deploy"]) {
    const result = reoIngest.track({
      activity_type: "CALL_HOME",
      ip_addr: "203.0.113.7",
      user_agent: "democli/1.0.0 node/24",
      meta: { command },
    });
    console.log(`track(${command}) -> ${JSON.stringify(result)}`);
  }
  const aggregate = reoIngest.trackAggregate({
    activity_type: "CALL_HOME",
    mode: "DOMAIN",
    count: 42,
    domain: "example.com",
    user_agent: "democli/1.0.0 node/24",
  });
  console.log(`trackAggregate(42 calls from example.com) -> ${JSON.stringify(aggregate)}`);

  const rejected = reoIngest.track({ activity_type: "CALL_HOME", event_at: Date.now(), user_agent: "democli/1.0.0" });
  console.log(`track(milliseconds, no ip_addr/domain) -> accepted: ${rejected.accepted}`);

  const sent = await reoIngest.send({ activity_type: "LOGIN", domain: "example.com", user_agent: "democli/1.0.0" });
  console.log(`send() -> delivered: ${sent.delivered}`);

  const report = await reoIngest.shutdown({ timeoutMs: 2000 });
  console.log(`shutdown -> ${JSON.stringify(report)}`);
}

heading("Revenera Usage Intelligence: the `revenera` CLI tour");
const tour = spawnSync(process.execPath, ["--import", "tsx", "packages/revenera-cli/scripts/tour.ts", outputDir], {
  stdio: "inherit",
});
if (tour.status !== 0) {
  throw new Error(`the revenera CLI tour failed (exit ${tour.status})`);
}

const reoMock = await startPrism(specPath.reo);
try {
  await reo(reoMock);
} finally {
  await reoMock.stop();
}
console.log(`\nOutputs (reports, the HTML chart, the exported files) are in ${outputDir}`);
