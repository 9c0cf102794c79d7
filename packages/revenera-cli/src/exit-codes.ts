/**
 * Exit codes of `revenera`, stable across releases so scripts can rely on them.
 */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** An unexpected failure (a bug, or something not covered below). */
  failure: 1,
  /** Bad input: an unknown flag, a missing argument, an invalid request file. Nothing was sent. */
  usage: 2,
  /** Not logged in, session ended and no credentials to renew it, or wrong credentials. */
  auth: 3,
  /** The API refused the request (HTTP 4xx other than 401/403). */
  api: 4,
  /** The API or the download host could not be reached or failed (network, timeout, HTTP 5xx). */
  unavailable: 5,
  /** An export file failed verification (its size differs from what the server announced). */
  verification: 6,
  /** Interrupted (Ctrl-C). Downloads keep their partial files and resume on the next run. */
  interrupted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
