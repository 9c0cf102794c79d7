import type { SerializedCookieJar } from "tough-cookie";

/**
 * A logged-in session, as plain JSON: store it (it is a credential: keep it private, e.g. a file with mode 0600)
 * and pass it back as `createReveneraClient({ session })` to skip the login. It holds the session cookies, never
 * the password.
 */
export interface ReveneraSession {
  format: "revenera-session/1";
  /** The API root the cookies belong to. */
  baseUrl: string;
  userName: string;
  /** The cookie jar (tough-cookie's serialisation): cookie names, values, domains, paths and expiry dates. */
  cookies: SerializedCookieJar;
  /** When the session was exported (ISO 8601). */
  exportedAt: string;
}
