import type { AttemptSender, Logger } from "@org/sdk-core";
import { splitCookiesString } from "set-cookie-parser";
import { Cookie, type CookieJar } from "tough-cookie";
import { cookieHeaderCache } from "./cookie-header-cache.js";

/** A fetch that takes a `Request`, like openapi-fetch's and the resilient fetch's. */
export type RequestFetch = (request: Request) => Promise<Response>;

/**
 * Wraps the sending of each attempt with an RFC 6265 cookie jar (tough-cookie): each request gets the `Cookie`
 * header the jar holds for its URL (Domain, Path, Secure and expiry honoured; see {@link cookieHeaderCache}), and every `Set-Cookie` of the
 * response goes into the jar, including deletions. A mock server may join several cookies into one `Set-Cookie`
 * line; those are split with set-cookie-parser, which knows that commas also occur inside `Expires` dates.
 *
 * A cookie the jar refuses (e.g. a `Domain` that does not match the host) is dropped with a warning naming the
 * cookie, never its value.
 */
export function cookieJarFetch(jar: CookieJar, send: AttemptSender, logger?: Logger): AttemptSender {
  const cookieHeader = cookieHeaderCache(jar);
  return async (request, init) => {
    const cookie = await cookieHeader(request.url);
    const headers = new Headers(init.headers ?? request.headers);
    if (cookie) {
      headers.set("cookie", cookie);
    } else {
      headers.delete("cookie");
    }
    const response = await send(request, { ...init, headers });
    await storeCookies(jar, response, request.url, logger);
    return response;
  };
}

async function storeCookies(jar: CookieJar, response: Response, requestUrl: string, logger?: Logger): Promise<void> {
  const url = response.url || requestUrl;
  for (const line of response.headers.getSetCookie()) {
    for (const setCookie of splitCookiesString(line)) {
      try {
        await jar.setCookie(setCookie, url, { ignoreError: false });
      } catch (error) {
        const name = Cookie.parse(setCookie)?.key ?? "(unparsable)";
        logger?.({
          level: "warn",
          event: "cookie-rejected",
          message: `Ignored cookie "${name}" set by ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`,
          data: { cookie: name },
        });
      }
    }
  }
}
