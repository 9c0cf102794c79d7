import { createHash } from "node:crypto";

/**
 * A stable `event_id` for an input line that has none: a UUID (version 8, "custom") made from the SHA-256 of the
 * line's text. Resuming, or sending the same file again, gives every line the same id, so a replay is
 * recognisable; two identical lines get the same id and count as duplicates.
 */
export function deriveEventId(raw: string): string {
  const hex = createHash("sha256").update(raw).digest("hex");
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
