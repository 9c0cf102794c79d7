// The main job: starts the Prism mock of the Revenera spec and runs the built `revenera` CLI through a short tour
// (login, products, a date-range report as a table and as an HTML chart, an export with its progress bar),
// leaving every output in one folder. No credentials and no network needed.
//
//   tsx packages/revenera-cli/scripts/tour.ts [output folder, default ./demo-output]
import { spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { specPath, startDownloadHost, startPrism } from "@org/test-utils";
import { sizedCsvZip } from "../test/support/sized-zip.js";
import { startRewriteProxy } from "./tour/rewrite-proxy.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const out = resolve(process.argv[2] ?? "demo-output");
const PRODUCT = "1234567890";

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
console.log(`Revenera CLI tour: Prism mock of specs/revenera/v3_api_redocly.yaml; outputs in ${out}\n`);

const prism = await startPrism(specPath.revenera);
const files = await startDownloadHost();
// The sizes the spec's custom-event listing announces (96 KB daily, 2480 KB monthly), so the size checks pass.
files.serve(`/${PRODUCT}/${PRODUCT}_cust_2026-03-01.zip`, {
  body: sizedCsvZip("custom-events-2026-03-01.csv", 96 * 1024),
});
files.serve(`/${PRODUCT}/${PRODUCT}_cust_2026-02-01_to_2026-02-28.zip`, {
  body: sizedCsvZip("custom-events-2026-02.csv", 2480 * 1024),
});
const proxy = await startRewriteProxy(prism.url, files.url);

const env = {
  ...process.env,
  REVENERA_CONFIG_DIR: join(out, "config"),
  REVENERA_BASE_URL: proxy.url,
  // The spec's example credentials: Prism accepts any.
  REVENERA_USERNAME: "test@test.com",
  REVENERA_PASSWORD: "helloTest",
};

async function revenera(...args: string[]): Promise<void> {
  console.log(`\x1b[1m$ revenera ${args.join(" ")}\x1b[0m`);
  const code = await new Promise<number | null>((done) => {
    spawn(process.execPath, [cli, ...args], { env, stdio: "inherit" }).once("exit", done);
  });
  console.log();
  if (code !== 0) {
    throw new Error(`revenera ${args[0]} exited with ${code}`);
  }
}

try {
  const march = ["--from", "2026-03-01", "--to", "2026-03-03"];
  await revenera("login");
  await revenera("whoami");
  await revenera("products");
  await revenera("properties", PRODUCT);
  await revenera("report", "date-range", PRODUCT, ...march, "--split", "day");
  await revenera("report", "date-range", PRODUCT, ...march, "--format", "csv", "-o", join(out, "date-range.csv"));
  await revenera("report", "date-range", PRODUCT, ...march, "--format", "html", "-o", join(out, "date-range.html"));
  await revenera(
    "report",
    "churn-days",
    PRODUCT,
    "--from",
    "2026-01-01",
    "--to",
    "2026-03-31",
    "--format",
    "html",
    "-o",
    join(out, "churn-days.html"),
  );
  await revenera("export", "custom-events", PRODUCT, "--out", join(out, "custom-events"), "--ndjson");
  await revenera("export", "custom-events", PRODUCT, "--out", join(out, "custom-events"));
  await revenera("logout");
  console.log(
    `Done. Open ${join(out, "date-range.html")} in a browser; the export is in ${join(out, "custom-events")}.`,
  );
} finally {
  await proxy.close();
  await files.close();
  await prism.stop();
}
