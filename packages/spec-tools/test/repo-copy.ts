import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface RepoCopy {
  root: string;
  /** A file as committed (whatever an earlier update wrote over it). */
  committed(file: string): string;
  /** `git diff` of the copy against its checkout. */
  diff(...paths: string[]): string;
  remove(): Promise<void>;
}

/**
 * A clone of the repository's committed state, so an update can overwrite specs and generated code without touching
 * the working checkout. The installed dependencies are borrowed: the root node_modules as a link, each package's
 * node_modules copied as the links pnpm made, which are relative and so point at the clone's own workspace packages.
 */
export async function copyRepo(): Promise<RepoCopy> {
  const parent = await mkdtemp(path.join(tmpdir(), "spec-tools-e2e-"));
  const root = path.join(parent, "repo");
  execFileSync("git", ["clone", "--quiet", repoRoot, root]);
  await symlink(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"));
  for (const name of await readdir(path.join(root, "packages"))) {
    const installed = path.join(repoRoot, "packages", name, "node_modules");
    await cp(installed, path.join(root, "packages", name, "node_modules"), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !source.includes(`${path.sep}.vite`),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") {
        throw error;
      }
    });
  }
  return {
    root,
    committed: (file) => execFileSync("git", ["-C", root, "show", `HEAD:${file}`], { encoding: "utf8" }),
    diff: (...paths) => execFileSync("git", ["-C", root, "diff", "--", ...paths], { encoding: "utf8" }),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}
