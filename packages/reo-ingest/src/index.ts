export type { components, operations, paths } from "./generated/schema.js";
export { createRawReoClient, type RawReoClientOptions, REO_BASE_URL } from "./raw-client.js";
