import { fileURLToPath } from "node:url";

/** Absolute path of the monorepo root. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Absolute paths of the committed OpenAPI documents. */
export const specPath = {
  revenera: `${repoRoot}specs/revenera/v3_api_redocly.yaml`,
  reo: `${repoRoot}specs/reo/product-usage-api.yaml`,
} as const;
