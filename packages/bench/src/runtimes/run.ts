// `pnpm test:runtimes`: packs every published package, installs the tarballs into a fresh project as a new user
// would (npm), checks them with publint and @arethetypeswrong/cli, then runs the same smoke test against a loopback
// mock in Node 20/22/24 and Bun (each with `import` and with `require()` from CommonJS: the packages are ESM-only
// and CommonJS code loads them through `require(esm)`, unflagged since Node 20.19 and 22.12), Deno, workerd
// (Miniflare) and headless Chromium, and type-checks a TypeScript consumer. Prints a table and ends with
// "N passed, N failed".
// Flags: --keep (keep the temp project), --only=<comma list of step names, e.g. node20,deno,chromium>.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { errorText, table } from "../lib/format.ts";
import { startLoopbackServer } from "../lib/loopback-server.ts";
import { publishedPackages, repoRoot } from "../lib/paths.ts";
import { bunBinary, chromiumBinary, denoBinary, miniflareEntry, nodeBinary } from "./provision.ts";

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

interface StepResult {
  step: string;
  seconds: number;
  checks: Check[];
}

const { values } = parseArgs({ options: { keep: { type: "boolean", default: false }, only: { type: "string" } } });
const only = values.only ? new Set(values.only.split(",")) : undefined;
const ALWAYS = new Set(["pack", "install"]);
const wanted = (step: string) => !only || ALWAYS.has(step) || only.has(step);

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), "org-runtimes-"));
const tarballs = join(work, "tarballs");
const consumer = join(work, "consumer");
const smokeSource = new URL("./smoke/", import.meta.url);
const results: StepResult[] = [];

async function step(name: string, fn: () => Promise<Check[]> | Check[]): Promise<void> {
  if (!wanted(name)) {
    return;
  }
  const start = performance.now();
  process.stderr.write(`runtimes: ${name}…\n`);
  let checks: Check[];
  try {
    checks = await fn();
    if (checks.length === 0) {
      checks = [{ name, ok: false, detail: "no checks ran" }];
    }
  } catch (error) {
    checks = [{ name, ok: false, detail: errorText(error) }];
  }
  results.push({ step: name, seconds: (performance.now() - start) / 1000, checks });
}

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/**
 * Runs a command without blocking the event loop (the loopback mock lives in this process), killing it after
 * `timeoutMs`.
 */
function run(command: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    let error: Error | undefined;
    const timer = setTimeout(() => {
      error = new Error(`${command} timed out after ${timeoutMs} ms`);
      child.kill("SIGKILL");
    }, timeoutMs);
    child.once("error", (spawnError) => {
      error = spawnError;
    });
    child.once("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ...(error ? { error } : {}) });
    });
  });
}

function outputOf(result: RunResult): string {
  return `${result.stdout}${result.stderr}${result.error ? String(result.error) : ""}`.trim();
}

/** Runs a smoke script and parses the checks it prints as its last JSON line. */
async function smokeChecks(label: string, command: string, args: string[]): Promise<Check[]> {
  const result = await run(command, args, consumer, 60_000);
  const line = result.stdout
    .trim()
    .split("\n")
    .reverse()
    .find((text) => text.startsWith("["));
  if (!line) {
    return [{ name: label, ok: false, detail: `exit ${result.status}: ${outputOf(result).slice(0, 600)}` }];
  }
  return (JSON.parse(line) as Check[]).map((check) => ({ ...check, name: `${label}: ${check.name}` }));
}

// 1. Pack, as `pnpm publish` would (workspace:* becomes the real version).
mkdirSync(tarballs, { recursive: true });
const tarballOf = new Map<string, string>();
await step("pack", async () => {
  const checks: Check[] = [];
  for (const pkg of publishedPackages) {
    const before = new Set(readdirSync(tarballs));
    const result = await run("pnpm", ["pack", "--pack-destination", tarballs], join(repoRoot, pkg.dir));
    const file = readdirSync(tarballs).find((name) => !before.has(name));
    if (file) {
      tarballOf.set(pkg.name, join(tarballs, file));
    }
    checks.push({ name: `pnpm pack ${pkg.name}`, ok: result.status === 0 && !!file, detail: file ?? outputOf(result) });
  }
  return checks;
});

// 2. Package checks: publint (on the package folder, packed with pnpm) and attw (on the tarball).
await step("publint", () =>
  Promise.all(
    publishedPackages.map(async (pkg) => {
      const result = await run(
        join(repoRoot, "node_modules/.bin/publint"),
        ["--pack", "pnpm", "--strict"],
        join(repoRoot, pkg.dir),
      );
      const text = outputOf(result);
      return { name: `publint ${pkg.name}`, ok: result.status === 0, detail: text.split("\n").slice(-6).join(" ") };
    }),
  ),
);
await step("attw", () =>
  Promise.all(
    publishedPackages.map(async (pkg) => {
      const tarball = tarballOf.get(pkg.name);
      if (!tarball) {
        return { name: `attw ${pkg.name}`, ok: false, detail: "not packed" };
      }
      // profile esm-only: the packages ship ESM only, so TypeScript's node16/nodenext resolution from a CommonJS
      // file (which sees an ESM package) and its legacy `node10` resolution are not judged; node10 still finds every
      // subpath's types through `typesVersions`.
      const result = await run(
        join(repoRoot, "node_modules/.bin/attw"),
        [tarball, "--format", "ascii", "--profile", "esm-only"],
        repoRoot,
      );
      const text = outputOf(result);
      return {
        name: `attw ${pkg.name}`,
        ok: result.status === 0,
        detail: result.status === 0 ? "no problems (esm-only: node16 ESM, bundler)" : text.slice(0, 900),
      };
    }),
  ),
);

// 3. A new user's project: npm install of the tarballs (their dependencies come from the registry).
await step("install", async () => {
  mkdirSync(join(consumer, "static"), { recursive: true });
  const dependencies = Object.fromEntries([...tarballOf].map(([name, file]) => [name, `file:${file}`]));
  const manifest = {
    name: "org-sdk-consumer",
    private: true,
    type: "module",
    dependencies,
    devDependencies: { typescript: "5.9.3", "@types/node": "20.19.43" },
    // the tarballs depend on @org/sdk-core@<version>, which is not on the registry: use the local tarball
    overrides: { "@org/sdk-core": "$@org/sdk-core" },
  };
  writeFileSync(join(consumer, "package.json"), JSON.stringify(manifest, null, 2));
  for (const file of readdirSync(smokeSource)) {
    copyFileSync(new URL(file, smokeSource), join(consumer, file));
  }
  const result = await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], consumer, 300_000);
  return [{ name: "npm install <tarballs>", ok: result.status === 0, detail: outputOf(result).slice(-600) || "ok" }];
});

const server = await startLoopbackServer({ filesDir: join(consumer, "static"), requireSession: true });
try {
  for (const major of [20, 22, 24] as const) {
    await step(`node${major}`, async () => {
      const node = nodeBinary(major);
      const version = (await run(node, ["-v"], consumer)).stdout.trim();
      return [
        ...(await smokeChecks(`node ${version} import`, node, ["esm.mjs", server.url])),
        ...(await smokeChecks(`node ${version} require(esm)`, node, ["cjs.cjs", server.url])),
      ];
    });
  }
  await step("bun", async () => {
    const bun = bunBinary();
    const version = (await run(bun, ["--version"], consumer)).stdout.trim();
    return [
      ...(await smokeChecks(`bun ${version} import`, bun, ["esm.mjs", server.url])),
      ...(await smokeChecks(`bun ${version} require(esm)`, bun, ["cjs.cjs", server.url])),
    ];
  });
  await step("deno", async () => {
    const deno = denoBinary();
    const version = (await run(deno, ["--version"], consumer)).stdout.split("\n")[0]?.trim() ?? "deno";
    return smokeChecks(`${version} ESM`, deno, [
      "run",
      "--allow-net=127.0.0.1",
      "--allow-env",
      "--allow-read",
      "esm.mjs",
      server.url,
    ]);
  });
  await step("workerd", () => workerdChecks(server.url));
  await step("chromium", () => chromiumChecks(server.url));
  await step("tsc", () =>
    Promise.all(
      (
        [
          ["nodenext", "consumer.ts"],
          ["bundler", "consumer.ts"],
          // CommonJS code that require()s the ESM-only packages
          ["nodenext", "consumer-require.cts"],
        ] as const
      ).map(async ([resolution, file]) => {
        const config = {
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: "es2022",
            lib: ["es2022", "dom"],
            module: resolution === "nodenext" ? "nodenext" : "esnext",
            moduleResolution: resolution,
            types: ["node"],
            skipLibCheck: false,
          },
          files: [file],
        };
        const configFile = `tsconfig.${resolution}.${file.replace(/\.[cm]?ts$/, "")}.json`;
        writeFileSync(join(consumer, configFile), JSON.stringify(config, null, 2));
        const result = await run(join(consumer, "node_modules/.bin/tsc"), ["-p", configFile], consumer);
        return {
          name: `tsc --noEmit ${file} (moduleResolution ${resolution}, strict, skipLibCheck false)`,
          ok: result.status === 0,
          detail: result.status === 0 ? "ok" : outputOf(result).slice(0, 900),
        };
      }),
    ),
  );
} finally {
  await server.close();
  if (!values.keep) {
    rmSync(work, { recursive: true, force: true });
  }
}

async function workerdChecks(url: string): Promise<Check[]> {
  const bundled = await build({
    entryPoints: [join(consumer, "worker.mjs")],
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    write: false,
    logLevel: "silent",
  });
  const script = bundled.outputFiles[0]?.text ?? "";
  type MiniflareLike = { dispatchFetch(url: string): Promise<Response>; dispose(): Promise<void> };
  const { Miniflare } = (await import(pathToFileURL(miniflareEntry()).href)) as {
    Miniflare: new (options: Record<string, unknown>) => MiniflareLike;
  };
  const mf = new Miniflare({ modules: true, script, compatibilityDate: "2025-09-01", bindings: { MOCK_URL: url } });
  try {
    const response = await mf.dispatchFetch("http://localhost/");
    const text = await response.text();
    const checks = JSON.parse(text) as Check[];
    return checks.map((check) => ({ ...check, name: `workerd (Miniflare 4): ${check.name}` }));
  } finally {
    await mf.dispose();
  }
}

async function chromiumChecks(url: string): Promise<Check[]> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: chromiumBinary(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const label = `chromium ${browser.version()}`;
  const checks: Check[] = [];
  try {
    for (const entry of ["reo", "revenera"]) {
      try {
        await build({
          entryPoints: [join(consumer, `browser-${entry}.mjs`)],
          bundle: true,
          format: "esm",
          platform: "browser",
          outfile: join(consumer, "static", `${entry}.js`),
          logLevel: "silent",
        });
      } catch (error) {
        checks.push({
          name: `${label}: bundle the ${entry} entry for the browser`,
          ok: false,
          detail: errorText(error),
        });
        continue;
      }
      writeFileSync(
        join(consumer, "static", `${entry}.html`),
        `<!doctype html><meta charset="utf-8"><title>${entry}</title><script type="module" src="/static/${entry}.js"></script>\n`,
      );
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${url}/static/${entry}.html`);
      await page.waitForFunction(() => "__smoke" in globalThis, undefined, { timeout: 30_000 });
      const found = (await page.evaluate(() => (globalThis as unknown as { __smoke: Check[] }).__smoke)) as Check[];
      checks.push(
        ...found.map((check) => ({ ...check, name: `${label}: ${check.name}` })),
        ...errors.map((detail) => ({ name: `${label}: page error (${entry})`, ok: false, detail })),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return checks;
}

const rows = results.flatMap((result) =>
  result.checks.map((check, index) => [
    index === 0 ? `${result.step} (${result.seconds.toFixed(1)} s)` : "",
    check.name,
    check.ok ? "pass" : "FAIL",
    check.detail.replaceAll("\n", " ").slice(0, 300),
  ]),
);
const all = results.flatMap((result) => result.checks);
const failed = all.filter((check) => !check.ok).length;
process.stdout.write(`${table(["step", "check", "result", "detail"], rows)}\n\n`);
process.stdout.write(
  `wall time ${((performance.now() - started) / 1000).toFixed(1)} s${values.keep ? `, project kept in ${work}` : ""}\n`,
);
process.stdout.write(`${all.length - failed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
