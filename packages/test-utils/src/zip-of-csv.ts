import { strToU8, zipSync } from "fflate";

/** A zip (built with fflate) holding the given CSV files, deflated. */
export function zipOfCsv(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
}
