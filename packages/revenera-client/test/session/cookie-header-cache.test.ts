import { CookieJar } from "tough-cookie";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cookieHeaderCache } from "../../src/session/cookie-header-cache.js";

const API = "https://analytics-api.example/v3/reporting/generic/dateRange/1234567890";

/** The header tough-cookie itself gives, from an identical jar (the cache must always agree with it). */
async function expected(jar: CookieJar, url: string): Promise<string> {
  return (await CookieJar.deserialize(await jar.serialize())).getCookieString(url);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("cookieHeaderCache", () => {
  it("answers as getCookieString does, and follows every change to the jar", async () => {
    const jar = new CookieJar();
    const header = cookieHeaderCache(jar);
    expect(await header(API)).toBe("");
    await jar.setCookie("RUI-Session-Token=token-1; Path=/; Secure; HttpOnly", API);
    await jar.setCookie("scoped=1; Path=/v3/reporting", API);
    expect(await header(API)).toBe(await expected(jar, API));
    expect(await header(API)).toBe("scoped=1; RUI-Session-Token=token-1");
    // same path, other query: same cookies; other path: only the root cookie; plain http: no Secure cookie
    expect(await header(`${API}?page=2`)).toBe("scoped=1; RUI-Session-Token=token-1");
    expect(await header("https://analytics-api.example/v3/meta")).toBe("RUI-Session-Token=token-1");
    expect(await header("http://analytics-api.example/v3/reporting/x")).toBe("scoped=1");

    await jar.setCookie("RUI-Session-Token=token-2; Path=/; Secure; HttpOnly", API);
    expect(await header(API)).toBe("scoped=1; RUI-Session-Token=token-2");
    await jar.setCookie("scoped=; Path=/v3/reporting; Max-Age=0", API);
    expect(await header(API)).toBe("RUI-Session-Token=token-2");
    await jar.removeAllCookies();
    expect(await header(API)).toBe("");
  });

  it("stops sending a cookie once it expires, and drops it from the jar", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T12:00:00Z") });
    const jar = new CookieJar();
    const header = cookieHeaderCache(jar);
    await jar.setCookie("short=1; Path=/; Expires=Mon, 01 Jun 2026 12:00:10 GMT", API);
    await jar.setCookie("long=1; Path=/", API);
    expect(await header(API)).toBe("short=1; long=1");
    vi.setSystemTime(new Date("2026-06-01T12:00:09Z"));
    expect(await header(API)).toBe("short=1; long=1");
    vi.setSystemTime(new Date("2026-06-01T12:00:10Z"));
    expect(await header(API)).toBe("long=1");
    expect((await jar.getCookies(API, { expire: false })).map((cookie) => cookie.key)).toEqual(["long"]);
  });

  it("keeps tough-cookie's Max-Age behaviour: each use stamps lastAccessed, which the expiry counts from", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T12:00:00Z") });
    const cached = new CookieJar();
    const plain = new CookieJar();
    const header = cookieHeaderCache(cached);
    for (const jar of [cached, plain]) {
      await jar.setCookie("session=1; Path=/; Max-Age=60", API);
    }
    for (const seconds of [30, 80, 130, 250]) {
      vi.setSystemTime(new Date(Date.parse("2026-06-01T12:00:00Z") + seconds * 1000));
      expect(await header(API)).toBe(await plain.getCookieString(API));
      expect((await cached.getCookies(API, { expire: false }))[0]?.lastAccessed).toEqual(
        (await plain.getCookies(API, { expire: false }))[0]?.lastAccessed,
      );
    }
    expect(await header(API)).toBe("");
  });
});
