import type { TestProject } from "vitest/node";
import { specPath } from "./paths.js";
import { startPrism } from "./start-prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of this package's spec, started once per test run. */
    prismUrl: string;
  }
}

/**
 * Builds a vitest `globalSetup` that starts one Prism mock (with `--errors`) for the named spec before the run,
 * provides its URL as `inject("prismUrl")`, and stops it after the run.
 */
export function prismGlobalSetup(spec: keyof typeof specPath) {
  return async function setup(project: TestProject) {
    const prism = await startPrism(specPath[spec]);
    project.provide("prismUrl", prism.url);
    return prism.stop;
  };
}
