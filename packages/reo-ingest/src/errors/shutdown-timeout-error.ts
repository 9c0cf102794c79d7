import { SdkError } from "@org/sdk-core";

/**
 * `shutdown({ timeoutMs })` reached its deadline with events still queued or in flight; those events were
 * abandoned (counted in `stats().failed`). An event abandoned in flight may still have reached Reo.Dev.
 */
export class ShutdownTimeoutError extends SdkError {
  /** The deadline that passed. */
  readonly timeoutMs: number;
  /** How many events were abandoned. */
  readonly abandoned: number;

  constructor(timeoutMs: number, abandoned: number) {
    super(`Reo ingest shutdown deadline of ${timeoutMs} ms passed; ${abandoned} event(s) not confirmed as delivered`);
    this.timeoutMs = timeoutMs;
    this.abandoned = abandoned;
  }
}
