import { type Cookie, type CookieJar, cookieCompare, MemoryCookieStore } from "tough-cookie";

/** The store methods through which every change to a jar goes (setCookie, expiry, removal, deserialisation). */
const MUTATORS = ["putCookie", "updateCookie", "removeCookie", "removeCookies", "removeAllCookies"] as const;
/** Distinct URL paths kept at once (a client calls a handful of endpoints). */
const MAX_ENTRIES = 64;

interface Entry {
  version: number;
  cookies: Cookie[];
  header: string;
}

/**
 * `jar.getCookieString(url)`, reused while the jar has not changed: the lookup (domain and path matching, sorting,
 * promise plumbing) is the costliest step of an authenticated call, and its answer only changes when the jar does
 * or when one of the cookies it returned expires. A hit does what tough-cookie's lookup would: it checks every
 * returned cookie's expiry first (an expired one means a full lookup, which also drops it from the jar) and stamps
 * `lastAccessed` (which a `Max-Age` cookie's expiry counts from).
 *
 * Only tough-cookie's synchronous in-memory store is watched (its mutating methods are wrapped on the instance, so
 * the store and its serialisation stay as they are); with any other store every call is a plain lookup.
 */
export function cookieHeaderCache(jar: CookieJar): (url: string) => Promise<string> {
  const store = jar.store;
  if (!(store instanceof MemoryCookieStore)) {
    return (url) => jar.getCookieString(url);
  }
  let version = 0;
  const methods = store as unknown as Record<(typeof MUTATORS)[number], (...args: unknown[]) => unknown>;
  for (const name of MUTATORS) {
    const original = methods[name];
    methods[name] = function (this: unknown, ...args: unknown[]) {
      version++;
      return original.apply(this, args);
    };
  }
  const cache = new Map<string, Entry>();

  return async (url) => {
    // cookies match on scheme, host and path only
    const end = url.search(/[?#]/);
    const key = end === -1 ? url : url.slice(0, end);
    const entry = cache.get(key);
    if (entry && entry.version === version && unexpired(entry.cookies)) {
      const accessed = new Date();
      for (const cookie of entry.cookies) {
        cookie.lastAccessed = accessed;
      }
      return entry.header;
    }
    // The store is synchronous: the lookup (and its removal of expired cookies) is done when getCookies returns.
    const pending = jar.getCookies(url);
    const seen = version;
    const cookies = (await pending).sort(cookieCompare);
    const header = cookies.map((cookie) => cookie.cookieString()).join("; ");
    if (cache.size >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.set(key, { version: seen, cookies, header });
    return header;
  };
}

function unexpired(cookies: readonly Cookie[]): boolean {
  const now = Date.now();
  for (const cookie of cookies) {
    const expiry = cookie.expiryTime();
    if (expiry !== undefined && expiry <= now) {
      return false;
    }
  }
  return true;
}
