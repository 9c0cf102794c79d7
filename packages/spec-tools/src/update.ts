import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse } from "yaml";
import { diffSpecs } from "./diff.js";
import { addEvidenceMarks, carryOverEvidence, isVendorDocument } from "./evidence.js";
import { asObject, hasExternalRefs, isObject, type JsonObject } from "./openapi.js";
import { renderReport } from "./report.js";
import { type Bump, bumpFor, type Change } from "./rules.js";

/** The specs this repository builds clients from, and the published package each one feeds. */
export const APIS = {
  revenera: { specFile: "specs/revenera/v3_api_redocly.yaml", packageName: "@org/revenera-client" },
  reo: { specFile: "specs/reo/product-usage-api.yaml", packageName: "@org/reo-ingest" },
} as const;
export type ApiName = keyof typeof APIS;

export function isApiName(name: string): name is ApiName {
  return Object.hasOwn(APIS, name);
}

export interface UpdateOptions {
  api: ApiName;
  /** The new document (YAML or JSON). */
  source: string;
  repoRoot: string;
  /** Validate, lint and print the report; write nothing. */
  dryRun?: boolean;
  /** Leave out the contract tests (they start a Prism mock and call every operation: the slow step). */
  skipContractTests?: boolean;
  /** Names the changeset file. */
  now?: Date;
  print?: (text: string) => void;
}

export interface UpdateResult {
  changes: Change[];
  bump: Bump;
  report: string;
  /** Repository-relative path of the changeset written, if any. */
  changesetFile: string | undefined;
  /** What broke: lint errors (nothing else runs then), generation, type check and contract test failures. */
  problems: string[];
}

/**
 * `pnpm spec:update <api> <file>`: lint the new document with CI's rules, report what changed, put it in place of
 * the committed spec (carrying our `x-evidence` marks over where they still hold), regenerate the types, check the
 * facade and the contract tests against them, and write a changeset with the bump the report implies.
 */
export async function updateSpec(options: UpdateOptions): Promise<UpdateResult> {
  const { api, repoRoot, print = console.log } = options;
  const { specFile, packageName } = APIS[api];
  const workDirectory = await mkdtemp(path.join(tmpdir(), "spec-update-"));
  try {
    const incoming = await prepareDocument(path.resolve(options.source), repoRoot, workDirectory);
    const lint = await run("pnpm", ["exec", "redocly", "lint", incoming.file, ...redoclyConfig(repoRoot)], repoRoot);
    if (!lint.ok) {
      print(`The new document fails lint (same rules as CI):\n${lint.output}`);
      return { changes: [], bump: "patch", report: "", changesetFile: undefined, problems: ["lint failed"] };
    }
    print(`Lint passed (redocly.yaml, the rules CI uses): ${incoming.file}\n`);

    const committedText = await readFile(path.join(repoRoot, specFile), "utf8");
    const committed = parseOpenApi(committedText, specFile);
    const changes = diffSpecs(committed, incoming.document);
    const bump = bumpFor(changes);
    const report = renderReport(changes, {
      title: String(asObject(incoming.document.info).title ?? api),
      oldVersion: versionOf(committed),
      newVersion: versionOf(incoming.document),
    });
    print(report);
    if (options.dryRun) {
      return { changes, bump, report, changesetFile: undefined, problems: [] };
    }

    await writeFile(path.join(repoRoot, specFile), withEvidence(committed, incoming, print));
    print(`Wrote ${specFile}.`);

    const problems: string[] = [];
    const generate = await run("pnpm", ["--filter", packageName, "generate"], repoRoot);
    if (!generate.ok) {
      problems.push(`type generation failed:\n${generate.output}`);
    } else {
      // The facade type-checks and tests against its workspace dependencies' built types (e.g. @org/sdk-core).
      const dependencies = await run(
        "pnpm",
        ["exec", "turbo", "run", "build", `--filter=${packageName}^...`, "--output-logs=errors-only"],
        repoRoot,
      );
      if (!dependencies.ok) {
        problems.push(`building the package's dependencies failed:\n${dependencies.output}`);
      }
      const typecheck = await run("pnpm", ["--filter", packageName, "typecheck"], repoRoot);
      problems.push(...typeErrors(typecheck.output).map((error) => `type check: ${error}`));
      if (!typecheck.ok && problems.length === 0) {
        problems.push(`type check failed:\n${typecheck.output}`);
      }
      if (!options.skipContractTests) {
        problems.push(...(await contractTestFailures(packageName, repoRoot, workDirectory)));
      }
    }

    let changesetFile: string | undefined;
    if (isDeepStrictEqual(committed, incoming.document)) {
      print("Same document apart from formatting: no changeset written.");
    } else {
      changesetFile = await writeChangeset(repoRoot, api, bump, report, options.now ?? new Date());
      print(`Wrote ${changesetFile} (${packageName}: ${bump}).`);
    }
    print(
      problems.length === 0
        ? "Nothing broke."
        : `What broke (${problems.length}):\n${problems.map((problem) => `- ${problem}`).join("\n")}`,
    );
    return { changes, bump, report, changesetFile, problems };
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}

interface PreparedDocument {
  /** The file to lint and commit: the source itself, or its bundle when it references other files. */
  file: string;
  text: string;
  document: JsonObject;
}

async function prepareDocument(source: string, repoRoot: string, workDirectory: string): Promise<PreparedDocument> {
  const sourceText = await readFile(source, "utf8");
  const document = parseOpenApi(sourceText, source);
  if (!hasExternalRefs(document)) {
    return { file: source, text: sourceText, document };
  }
  const bundled = path.join(workDirectory, "bundled.yaml");
  const bundle = await run(
    "pnpm",
    ["exec", "redocly", "bundle", source, "--output", bundled, ...redoclyConfig(repoRoot)],
    repoRoot,
  );
  if (!bundle.ok) {
    throw new Error(`redocly bundle failed:\n${bundle.output}`);
  }
  const text = await readFile(bundled, "utf8");
  return { file: bundled, text, document: parseOpenApi(text, bundled) };
}

function parseOpenApi(text: string, name: string): JsonObject {
  const document: unknown = parse(text);
  if (!isObject(document) || typeof document.openapi !== "string" || !document.openapi.startsWith("3.")) {
    throw new Error(`${name} is not an OpenAPI 3.x document (no "openapi: 3.x" at its top)`);
  }
  return document;
}

function versionOf(document: JsonObject): string | undefined {
  const version = asObject(document.info).version;
  return version === undefined ? undefined : String(version);
}

function redoclyConfig(repoRoot: string): string[] {
  return ["--config", path.join(repoRoot, "redocly.yaml")];
}

/** Our reconstruction's marks, carried into the vendor's document where they still hold (see evidence.ts). */
function withEvidence(committed: JsonObject, incoming: PreparedDocument, print: (text: string) => void): string {
  if (!isVendorDocument(incoming.document) || isVendorDocument(committed)) {
    return incoming.text;
  }
  const { kept, dropped } = carryOverEvidence(committed, incoming.document);
  print(
    `x-evidence: the new document has no marks, so it is taken as the vendor's: kept ${kept.length} mark(s) where ` +
      `nothing changed, dropped ${dropped.length} where the vendor's document now says otherwise.`,
  );
  return addEvidenceMarks(incoming.text, kept);
}

/** "src/index.ts(3,7): error TS2322: ..." lines of `tsc` output. */
export function typeErrors(tscOutput: string): string[] {
  return tscOutput
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /error TS\d+:/.test(line));
}

async function contractTestFailures(packageName: string, repoRoot: string, workDirectory: string): Promise<string[]> {
  const reportFile = path.join(workDirectory, "contract-tests.json");
  const tests = await run(
    "pnpm",
    [
      "--filter",
      packageName,
      "exec",
      "vitest",
      "run",
      "test/contract",
      "--reporter=json",
      `--outputFile=${reportFile}`,
    ],
    repoRoot,
  );
  const failures = await failedTests(reportFile);
  if (!tests.ok && failures.length === 0) {
    return [`contract tests failed:\n${tests.output}`];
  }
  return failures.map((name) => `contract test: ${name}`);
}

/** Names of the failed tests in a vitest JSON report; none when the report is missing. */
export async function failedTests(reportFile: string): Promise<string[]> {
  const text = await readFile(reportFile, "utf8").catch(() => undefined);
  if (text === undefined) {
    return [];
  }
  const report = JSON.parse(text) as {
    testResults?: { assertionResults?: { fullName?: string; status?: string }[] }[];
  };
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((test) => test.status === "failed")
      .map((test) => test.fullName ?? "(unnamed test)"),
  );
}

async function writeChangeset(repoRoot: string, api: ApiName, bump: Bump, report: string, now: Date): Promise<string> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const file = path.join(".changeset", `spec-update-${api}-${stamp}.md`);
  await mkdir(path.join(repoRoot, ".changeset"), { recursive: true });
  await writeFile(path.join(repoRoot, file), `---\n"${APIS[api].packageName}": ${bump}\n---\n\n${report}`);
  return file;
}

interface RunResult {
  ok: boolean;
  output: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } },
      (error, stdout, stderr) => resolve({ ok: error === null, output: `${stdout}${stderr}` }),
    );
  });
}
