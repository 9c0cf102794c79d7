// `pnpm release`: builds, checks and packs the published packages; a dry run unless `--publish` is given.
//   1. build (turbo)   2. publint + @arethetypeswrong/cli per package   3. size budgets (size-limit)
//   4. changeset status   5. pnpm pack into dist/release/   6. API reference (TypeDoc) into dist/api-docs/
//   7. with --publish only: `changeset publish` (needs npm credentials; never run by CI).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { bytes } from "../lib/format.ts";
import { publishedPackages, repoRoot } from "../lib/paths.ts";

const { values } = parseArgs({ options: { publish: { type: "boolean", default: false } } });
const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
const failures: string[] = [];
const started = performance.now();

function step(title: string, command: string, args: string[], cwd = repoRoot): boolean {
  const start = performance.now();
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: process.env });
  const ok = result.status === 0;
  process.stdout.write(`${ok ? "✔" : "✘"} ${title} (${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
  if (!ok) {
    failures.push(title);
  }
  return ok;
}

const filters = publishedPackages.flatMap((pkg) => ["--filter", pkg.name]);
if (!step("build", bin("turbo"), ["run", "build", ...filters, "--output-logs=errors-only"])) {
  process.exit(1);
}
for (const pkg of publishedPackages) {
  const dir = join(repoRoot, pkg.dir);
  step(`publint ${pkg.name}`, bin("publint"), ["--pack", "pnpm", "--strict"], dir);
  step(`attw ${pkg.name}`, bin("attw"), ["--pack", ".", "--profile", "esm-only", "--format", "table-flipped"], dir);
}
step("size budgets (size-limit)", bin("size-limit"), []);
step("changeset status", bin("changeset"), ["status"]);

const out = join(repoRoot, "dist", "release");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const pkg of publishedPackages) {
  step(`pack ${pkg.name}`, "pnpm", ["pack", "--pack-destination", out], join(repoRoot, pkg.dir));
}
for (const file of readdirSync(out)) {
  process.stdout.write(`  ${file}  ${bytes(statSync(join(out, file)).size)}\n`);
}
step("API reference (TypeDoc) → dist/api-docs", bin("typedoc"), []);

if (values.publish) {
  if (failures.length > 0) {
    process.stdout.write(`\nnot publishing: ${failures.join(", ")} failed\n`);
    process.exit(1);
  }
  step("publish (changeset publish)", bin("changeset"), ["publish"]);
} else {
  process.stdout.write("\ndry run: nothing published (pass --publish to publish the packed versions)\n");
}
process.stdout.write(
  `\nrelease ${values.publish ? "" : "dry run "}finished in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${failures.length === 0 ? "all checks passed" : `FAILED: ${failures.join(", ")}`}\n`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
