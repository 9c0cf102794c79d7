// size-limit entry: everything @org/reo-ingest exports, resolved as a bundler for the browser/edge would.
export * from "@org/reo-ingest";
