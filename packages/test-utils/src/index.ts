export { listOperations, type SpecOperation } from "./list-operations.js";
export { repoRoot, specPath } from "./paths.js";
export { prismGlobalSetup } from "./prism-global-setup.js";
export { type PrismViolation, slViolations } from "./sl-violations.js";
export { type OperationExamples, specExamples } from "./spec-examples.js";
export { type PrismServer, type StartPrismOptions, startPrism } from "./start-prism.js";
