export {
  type DownloadHandler,
  type DownloadHost,
  type HostedFile,
  type SeenDownload,
  startDownloadHost,
} from "./download-host.js";
export { listOperations, type SpecOperation } from "./list-operations.js";
export { repoRoot, specPath } from "./paths.js";
export { prismGlobalSetup } from "./prism-global-setup.js";
export {
  ORIGIN,
  type ReveneraTestServer,
  type RouteAnswer,
  type RouteHandler,
  type SeenRequest,
  startReveneraTestServer,
  TEST_PASSWORD,
  TEST_USER,
  type TestServerOptions,
} from "./revenera-test-server.js";
export { type PrismViolation, slViolations } from "./sl-violations.js";
export { type OperationExamples, specExamples } from "./spec-examples.js";
export { type PrismServer, type StartPrismOptions, startPrism } from "./start-prism.js";
export { zipOfCsv } from "./zip-of-csv.js";
