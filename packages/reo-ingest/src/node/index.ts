/**
 * Node-only helpers of `@org/reo-ingest` (process hooks). The main entry stays free of `node:` imports.
 *
 * @packageDocumentation
 */
export { type FlushOnExitOptions, flushOnExit } from "./flush-on-exit.js";
