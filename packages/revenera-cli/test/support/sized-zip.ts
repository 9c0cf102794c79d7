import { strToU8, zipSync } from "fflate";

const HEADER = "timestamp,clientId,prodVersion,event.category,event.name,event.data\n";

/**
 * A zip holding one CSV of custom-event rows, stored uncompressed and padded so that the zip is exactly `bytes`
 * long (to match a size a listing announces). Rows are deterministic.
 */
export function sizedCsvZip(csvName: string, bytes: number): Uint8Array {
  const overhead = zipSync({ [csvName]: new Uint8Array(0) }, { level: 0, mtime: "2026-03-01" }).byteLength;
  const target = bytes - overhead;
  let csv = HEADER;
  for (let i = 0; ; i++) {
    const row = `2026-03-01T${String(Math.floor(i / 60) % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00,CLIENT${String(i % 500).padStart(4, "0")},2.1.${i % 4},File,${i % 3 === 0 ? "Export PDF" : "Open"},pages=${i % 17}\n`;
    if (csv.length + row.length + 80 > target) {
      const last = "2026-03-01T23:59:59,CLIENT9999,2.1.0,File,Open,";
      csv += `${last}${"x".repeat(Math.max(0, target - csv.length - last.length - 1))}\n`;
      break;
    }
    csv += row;
  }
  return zipSync({ [csvName]: strToU8(csv) }, { level: 0, mtime: "2026-03-01" });
}
