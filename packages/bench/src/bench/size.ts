import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { bytes, count, errorText, table } from "../lib/format.ts";
import { benchRoot, publishedPackages, repoRoot } from "../lib/paths.ts";
import { IMPORTED_PACKAGES } from "./cold-start.ts";

/** Export conditions of an edge runtime (Cloudflare Workers), used for every package alike. */
export const EDGE_CONDITIONS = ["workerd", "worker", "edge", "browser"];

/** min+gzip of `export * from "<pkg>"` bundled for the browser/edge, and the install size of each package. */
export async function sizeSection(): Promise<string> {
  const bundleRows: string[][] = [];
  for (const name of IMPORTED_PACKAGES) {
    try {
      const size = await bundleSize(name);
      bundleRows.push([name, bytes(size.minified), bytes(size.gzipped)]);
    } catch (error) {
      bundleRows.push([name, "does not bundle", errorText(error).split("\n").slice(0, 2).join(" ")]);
    }
  }
  const installRows = IMPORTED_PACKAGES.map((name) => {
    try {
      const size = installSize(name);
      return [name, bytes(size.ownBytes), count(size.packages), bytes(size.totalBytes)];
    } catch (error) {
      return [name, "n/a", "", errorText(error)];
    }
  });
  return [
    "## Bundle size (browser/edge entry)",
    "",
    'esbuild 0.28 bundle of `export * from "<pkg>"` (everything the entry exports), `--minify`, ESM, platform ' +
      `browser with the conditions ${EDGE_CONDITIONS.map((c) => `\`${c}\``).join(", ")}; gzip level 9. Budgets are ` +
      "enforced by `pnpm size` (size-limit).",
    "",
    table(["package", "min", "min+gzip"], bundleRows),
    "",
    "## Install size",
    "",
    "What `npm install <pkg>` puts on disk: the package's published files plus its production dependency closure " +
      "(each package once, as in this workspace's node_modules).",
    "",
    table(["package", "own files", "packages installed", "total on disk"], installRows),
  ].join("\n");
}

export async function bundleSize(name: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(name)};`, resolveDir: benchRoot, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: EDGE_CONDITIONS,
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

interface InstallSize {
  ownBytes: number;
  packages: number;
  totalBytes: number;
}

export function installSize(name: string): InstallSize {
  const root = findPackageDir(benchRoot, name);
  const seen = new Set<string>();
  let totalBytes = 0;
  let ownBytes = 0;
  const visit = (dir: string, isRoot: boolean) => {
    const real = realpathSync(dir);
    if (seen.has(real)) {
      return;
    }
    seen.add(real);
    const size = publishedBytes(real);
    totalBytes += size;
    if (isRoot) {
      ownBytes = size;
    }
    const manifest = JSON.parse(readFileSync(join(real, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = tryFindPackageDir(real, dep);
      if (found) {
        visit(found, false);
      }
    }
  };
  visit(root, true);
  return { ownBytes, packages: seen.size, totalBytes };
}

/** Workspace packages: the files `npm pack` would publish; installed ones: the folder (already the published files). */
function publishedBytes(dir: string): number {
  if (!dir.startsWith(join(repoRoot, "packages"))) {
    return folderBytes(dir);
  }
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [info] = JSON.parse(output) as { unpackedSize: number }[];
  return info?.unpackedSize ?? Number.NaN;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") {
      continue;
    }
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      total += folderBytes(path);
    } else if (entry.isFile()) {
      total += lstatSync(path).size;
    }
  }
  return total;
}

function findPackageDir(from: string, name: string): string {
  const found = tryFindPackageDir(from, name);
  if (!found) {
    throw new Error(`${name} is not installed (seen from ${from})`);
  }
  return found;
}

/** Node's lookup: `<ancestor>/node_modules/<name>`, and siblings when the ancestor is itself a node_modules folder. */
function tryFindPackageDir(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidates = [join(dir, "node_modules", name)];
    if (basename(dir) === "node_modules") {
      candidates.push(join(dir, name));
    }
    for (const candidate of candidates) {
      if (existsSync(join(candidate, "package.json"))) {
        return candidate;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

export { publishedPackages };
