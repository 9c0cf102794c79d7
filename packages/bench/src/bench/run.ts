// `pnpm bench`: runs every benchmark section against one loopback server and writes BENCHMARKS.md at the repo root.
// Flags: --quick (shorter runs, for trying the harness), --only=overhead,ingest,export,cold-start,size
//        --out=<file> (default BENCHMARKS.md at the root), --rounds=<n>.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { errorText } from "../lib/format.ts";
import { loadAverageText, machineInfo } from "../lib/machine.ts";
import { repoRoot } from "../lib/paths.ts";
import { startServerProcess } from "../lib/server-process.ts";
import { coldStartSection } from "./cold-start.ts";
import { exportSection } from "./export.ts";
import { ingestSection } from "./ingest.ts";
import { overheadSection } from "./overhead.ts";
import { sizeSection } from "./size.ts";

const SECTIONS = ["overhead", "ingest", "export", "cold-start", "size"] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string" },
    rounds: { type: "string" },
  },
});
const quick = values.quick ?? false;
const only = new Set<Section>(
  values.only
    ? (values.only.split(",").filter((name) => (SECTIONS as readonly string[]).includes(name)) as Section[])
    : SECTIONS,
);
const outFile = values.out ?? join(repoRoot, "BENCHMARKS.md");
const command = `pnpm bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;

const started = performance.now();
const machine = machineInfo();
const exportsDir = join(process.env.BENCH_TMPDIR ?? (await import("node:os")).tmpdir(), "org-bench-exports");
const server = await startServerProcess(exportsDir);
process.stderr.write(`bench: loopback server ${server.url}\n`);

const parts: string[] = [];
try {
  for (const section of SECTIONS) {
    if (!only.has(section)) {
      continue;
    }
    process.stderr.write(`bench: ${section}…\n`);
    const sectionStart = performance.now();
    try {
      parts.push(await runSection(section));
    } catch (error) {
      parts.push(`## ${section}\n\nFAILED: ${errorText(error)}`);
      process.exitCode = 1;
    }
    process.stderr.write(`bench: ${section} took ${((performance.now() - sectionStart) / 1000).toFixed(1)} s\n`);
  }
} finally {
  await server.stop();
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
const report = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (packages/bench); every figure comes from one run of that command and every ratio is " +
    "against a baseline measured in the same run, against the same keep-alive node:http server on 127.0.0.1 " +
    "(in its own process). Absolute numbers depend on the machine and its load; compare the ratios.",
  "",
  `- command: \`${command}\` (${quick ? "quick mode: shorter runs, indicative only" : "full run"}), ${seconds} s`,
  `- date: ${new Date().toISOString()}`,
  `- machine: ${machine.cores} cores (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}`,
  `- Node ${machine.node}`,
  `- load average (1/5/15 min) at start: ${machine.loadAverage}; at end: ${loadAverageText()}`,
  "",
  ...parts.flatMap((part) => [part, ""]),
].join("\n");
writeFileSync(outFile, report);
// Biome is the repo's formatter and also formats Markdown: keep the written file lint-clean.
spawnSync(join(repoRoot, "node_modules", ".bin", "biome"), ["format", "--write", outFile], { stdio: "ignore" });
process.stdout.write(`${report}\n`);
process.stderr.write(`bench: wrote ${outFile} in ${seconds} s\n`);

async function runSection(section: Section): Promise<string> {
  switch (section) {
    case "overhead":
      return overheadSection({
        url: server.url,
        rounds: Number(values.rounds ?? (quick ? 2 : 5)),
        timeMs: quick ? 300 : 1000,
        warmupMs: quick ? 100 : 250,
      });
    case "ingest":
      return ingestSection({ server, quick });
    case "export":
      return exportSection({ server, dir: exportsDir, quick });
    case "cold-start":
      return coldStartSection({ quick });
    case "size":
      return sizeSection();
  }
}
