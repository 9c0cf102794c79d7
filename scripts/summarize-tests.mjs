// Adds up the vitest JSON reports of every package and prints the closing line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const name of readdirSync("packages")) {
  const dir = join("packages", name);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (!manifest.scripts?.test) {
    continue;
  }
  const report = join(dir, ".vitest-report.json");
  if (!existsSync(report)) {
    missing.push(name);
    continue;
  }
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
  console.log(`${manifest.name}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
}
if (missing.length > 0) {
  console.log(`no test report from: ${missing.join(", ")}`);
  failed += missing.length;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
