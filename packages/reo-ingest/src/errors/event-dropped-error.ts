import { SdkError } from "@org/sdk-core";

/** Why an event was dropped without a send attempt. */
export type DropReason = "queue-full" | "closed";

/**
 * An event was dropped before any send attempt: the queue was full (and the overflow policy chose this event),
 * or the client had been shut down. Counted in `stats().dropped`.
 */
export class EventDroppedError extends SdkError {
  /** Which of the two happened. */
  readonly reason: DropReason;

  constructor(reason: DropReason, detail: string) {
    super(
      reason === "queue-full" ? `Reo event dropped: the queue is full (${detail})` : `Reo event dropped: ${detail}`,
    );
    this.reason = reason;
  }
}
