// size-limit entry: everything @org/sdk-core exports, resolved as a bundler for the browser/edge would.
export * from "@org/sdk-core";
