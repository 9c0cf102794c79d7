// size-limit entry: everything @org/revenera-client exports, resolved as a bundler for the browser/edge would.
export * from "@org/revenera-client";
