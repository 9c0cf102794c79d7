import { fileURLToPath } from "node:url";

/** The monorepo root (…/packages/bench/src/lib → …/). */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
/** packages/bench */
export const benchRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The published packages: name and folder, in dependency order. */
export const publishedPackages = [
  { name: "@org/sdk-core", dir: "packages/core" },
  { name: "@org/revenera-client", dir: "packages/revenera-client" },
  { name: "@org/reo-ingest", dir: "packages/reo-ingest" },
] as const;

export type PublishedPackageName = (typeof publishedPackages)[number]["name"];
