import type { ExportKind, ReveneraClient } from "@org/revenera-client";

/** One file of an export listing, normalised over the raw-data and tracking listings. */
export interface ExportFile {
  fileName: string;
  /** First day the file covers (`YYYY-MM-DD`). */
  startDate: string | undefined;
  /** Last day the file covers. */
  stopDate: string | undefined;
  /** Size of the zip as the listing announces it, in KB (1024 bytes), when it does. */
  compressedSizeKB: number | undefined;
  /** An open daily file: still growing, so its size cannot be verified. */
  open: boolean;
}

/** Lists the files of one export kind, optionally only those overlapping `[from, to]`. */
export async function listExportFiles(
  rui: ReveneraClient,
  kind: ExportKind,
  product: string,
  options: {
    from?: string | undefined;
    to?: string | undefined;
    includeOpen?: boolean | undefined;
    signal?: AbortSignal;
  },
): Promise<ExportFile[]> {
  const listing = (await rui.exports.listFiles(kind, product, { signal: options.signal })) as Record<string, unknown>;
  const group = (name: string) => (Array.isArray(listing[name]) ? (listing[name] as Record<string, unknown>[]) : []);
  const normalise = (entry: Record<string, unknown>, open: boolean): ExportFile => ({
    fileName: String(entry.fileName),
    startDate: str(entry.fileDate) ?? str(entry.fileStartDate),
    stopDate: str(entry.fileDate) ?? str(entry.fileStopDate),
    compressedSizeKB: typeof entry.compressedSizeKB === "number" ? entry.compressedSizeKB : undefined,
    open,
  });
  const files = [
    ...group("fileList").map((entry) => normalise(entry, false)),
    ...group("monthlyFiles").map((entry) => normalise(entry, false)),
    ...group("dailyFiles").map((entry) => normalise(entry, false)),
    ...(options.includeOpen
      ? group("openDailyFiles")
          .filter((entry) => entry.isAvailable !== false)
          .map((entry) => normalise(entry, true))
      : []),
  ];
  return files.filter(
    (file) =>
      (!options.from || !file.stopDate || file.stopDate >= options.from) &&
      (!options.to || !file.startDate || file.startDate <= options.to),
  );
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
