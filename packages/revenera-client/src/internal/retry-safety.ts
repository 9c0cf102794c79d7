/** POST operations that only read, so sending one twice is harmless. Everything not listed is not retried. */
const READ_ONLY_POSTS: ReadonlySet<string> = new Set([
  "/v3/meta/propertyValues/{product_id}",
  "/v3/license-key-registry/{product_id}",
  "/v3/customEventTracking/getLastLines/{product_id}",
  "/v3/customEventTracking/getDownloadUrl/{product_id}",
  "/v3/exceptionTracking/getLastLines/{product_id}",
  "/v3/exceptionTracking/getDownloadUrl/{product_id}",
  "/v3/rawEvents/download/getDownloadUrl/{product_id}",
]);

/**
 * Whether an operation may be sent again after a network error, 429 or 502/503/504: GETs and the read-only POSTs
 * (every `/v3/reporting/...` report, metadata, key search, previews and download URLs) are; license-key insert
 * and update, the client-list export request, login and logout are not.
 */
export function isRetrySafeOperation(method: string, pathTemplate: string): boolean {
  if (method === "GET" || method === "HEAD") {
    return true;
  }
  return method === "POST" && (pathTemplate.startsWith("/v3/reporting/") || READ_ONLY_POSTS.has(pathTemplate));
}
