/**
 * Whether a byte count agrees with a size announced in whole KB (1024 bytes): the listing rounds, so anything
 * less than 1 KB away agrees. No announced size: nothing to check against.
 */
export function agreesWithKB(bytes: number, kb: number | undefined): boolean {
  return kb === undefined || Math.abs(bytes - kb * 1024) < 1024;
}
