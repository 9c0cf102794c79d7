import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";

/**
 * A bare GET with Node's own http client (no cookie, no API header), resolving with the response head. Used for
 * file downloads because its body events deliver every byte that arrived before a connection dropped, which a
 * resumable download needs to know exactly.
 */
export function httpGet(url: URL, headers: Record<string, string>, signal?: AbortSignal): Promise<IncomingMessage> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: "GET", headers, ...(signal ? { signal } : {}) }, resolve);
    request.once("error", reject);
    request.end();
  });
}
