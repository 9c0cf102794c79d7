// size-limit entry: everything openapi-fetch exports, resolved as a bundler for the browser/edge would.
export * from "openapi-fetch";
