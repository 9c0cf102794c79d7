import { spawnSync } from "node:child_process";
import { count, ms, table } from "../lib/format.ts";
import { benchRoot } from "../lib/paths.ts";
import { quantile, sortedCopy } from "../lib/stats.ts";

/** Packages whose import time is measured: ours first, then what a user would otherwise install. */
export const IMPORTED_PACKAGES = [
  "@org/sdk-core",
  "@org/revenera-client",
  "@org/reo-ingest",
  "openapi-fetch",
  "ky",
  "axios",
  "posthog-node",
  "@segment/analytics-node",
] as const;

/**
 * Cold start: wall time of `node -e "import('<pkg>')"` in a fresh process (the OS file cache is warm after the
 * first runs), minus the same for `node -e "0"` measured interleaved in the same loop.
 */
export async function coldStartSection(options: { quick: boolean }): Promise<string> {
  const runs = options.quick ? 5 : 15;
  const subjects = ["(empty: node -e 0)", ...IMPORTED_PACKAGES];
  const times = new Map<string, number[]>(subjects.map((name) => [name, []]));
  const failures = new Map<string, string>();
  for (let run = -2; run < runs; run += 1) {
    for (const name of subjects) {
      const code = name.startsWith("(")
        ? "0"
        : `import(${JSON.stringify(name)}).catch((e)=>{console.error(e.message);process.exit(3)})`;
      const start = performance.now();
      const result = spawnSync(process.execPath, ["-e", code], { cwd: benchRoot, encoding: "utf8" });
      const elapsed = performance.now() - start;
      if (result.status !== 0) {
        failures.set(name, (result.stderr || `exit ${result.status}`).split("\n")[0] ?? "");
        continue;
      }
      if (run >= 0) {
        times.get(name)?.push(elapsed);
      }
    }
  }
  const empty = quantile(sortedCopy(times.get(subjects[0] ?? "") ?? []), 0.5);
  const rows = subjects.map((name) => {
    const failure = failures.get(name);
    if (failure) {
      return [name, "failed", "", "", failure];
    }
    const sorted = sortedCopy(times.get(name) ?? []);
    const med = quantile(sorted, 0.5);
    return [
      name,
      ms(med, 1),
      ms(quantile(sorted, 0.95), 1),
      name.startsWith("(") ? "" : ms(med - empty, 1),
      count(sorted.length),
    ];
  });
  return [
    "## Cold start",
    "",
    `Wall time of a new \`node -e "import('<pkg>')"\` process from packages/bench (${runs} runs each after 2 ` +
      "warm-up runs, subjects interleaved). The import cost is the median minus the empty process's median.",
    "",
    table(["package", "median", "p95", "import cost", "runs / note"], rows),
  ].join("\n");
}
