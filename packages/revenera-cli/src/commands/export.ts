import { mkdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ExportKind } from "@org/revenera-client";
import type { Context } from "../context.js";
import { CliError } from "../errors/cli-error.js";
import { assertNoIssues, checkProductId } from "../errors/invalid-input.js";
import { ExitCode } from "../exit-codes.js";
import { downloadResumable } from "../export/download-resumable.js";
import { listExportFiles } from "../export/export-files.js";
import { createProgress } from "../export/progress.js";
import { agreesWithKB } from "../export/size-check.js";
import { zipToNdjson } from "../export/zip-to-ndjson.js";
import { withClient } from "../session/open-client.js";
import { exportClients } from "./export-clients.js";

/** What `revenera export` can export, and the client's name for each file kind. */
export const EXPORT_KINDS: Record<string, ExportKind | "clients"> = {
  "raw-events": "rawEvents",
  "custom-events": "customEvents",
  exceptions: "exceptions",
  clients: "clients",
};

/** Options of `revenera export`. */
export interface ExportOptions {
  out: string;
  from?: string;
  to?: string;
  ndjson?: boolean;
  includeOpen?: boolean;
  properties?: string;
  progress: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Downloads every file of an export (or those overlapping `--from`/`--to`) into a folder: files already complete
 * are skipped, partial files resume, sizes are verified, and `--ndjson` converts the CSV inside each zip.
 */
export async function exportData(
  ctx: Context,
  kindName: string,
  product: string,
  options: ExportOptions,
): Promise<void> {
  const kind = EXPORT_KINDS[kindName];
  assertNoIssues("export", [
    ...(kind ? [] : [{ path: "<kind>", rule: `must be one of ${Object.keys(EXPORT_KINDS).join(", ")}` }]),
    ...(options.from && !DATE.test(options.from) ? [{ path: "--from", rule: "must be a date YYYY-MM-DD" }] : []),
    ...(options.to && !DATE.test(options.to) ? [{ path: "--to", rule: "must be a date YYYY-MM-DD" }] : []),
  ]);
  checkProductId(product);
  const dir = resolve(options.out);
  await mkdir(dir, { recursive: true });
  if (kind === "clients") {
    await withClient(ctx, (rui) => exportClients(ctx, rui, product, dir, options));
    return;
  }
  if (!kind) {
    return;
  }
  const failures: CliError[] = [];
  let downloaded = 0;
  let skipped = 0;
  await withClient(ctx, async (rui) => {
    const files = await listExportFiles(rui, kind, product, { ...options, signal: ctx.signal });
    const progress = createProgress(ctx, options.progress);
    progress.start(files.reduce((sum, file) => sum + (file.compressedSizeKB ?? 0) * 1024, 0));
    try {
      for (const file of files) {
        const target = join(dir, file.fileName);
        const existing = await stat(target).catch(() => undefined);
        if (existing && !file.open && agreesWithKB(existing.size, file.compressedSizeKB)) {
          skipped++;
          progress.advance(existing.size, file.fileName);
          progress.note(`= ${file.fileName} already complete (${existing.size} bytes)`);
          continue;
        }
        const url = await rui.exports.getDownloadUrl(kind, product, file.fileName, { signal: ctx.signal });
        try {
          const result = await downloadResumable(url, target, {
            signal: ctx.signal,
            onBytes: (count) => progress.advance(count, file.fileName),
            check: (bytes) =>
              file.open || agreesWithKB(bytes, file.compressedSizeKB)
                ? undefined
                : `${bytes} bytes, but the listing announced ${file.compressedSizeKB} KB`,
          });
          downloaded++;
          const resumed = result.resumedFrom > 0 ? `, resumed at byte ${result.resumedFrom}` : "";
          progress.note(`✓ ${file.fileName} (${result.bytes} bytes${resumed})`);
        } catch (error) {
          if (error instanceof CliError && error.exitCode === ExitCode.verification) {
            failures.push(error);
            progress.note(`✗ ${error.message}`);
            continue;
          }
          throw error;
        }
        if (options.ndjson) {
          const ndjson = `${target.replace(/\.zip$/i, "")}.ndjson`;
          const rows = await zipToNdjson(target, ndjson);
          progress.note(`  → ${ndjson} (${rows} rows)`);
        }
      }
    } finally {
      progress.stop();
    }
  });
  ctx.stdout.write(
    `${downloaded} downloaded, ${skipped} already complete, ${failures.length} failed verification → ${dir}\n`,
  );
  if (failures.length > 0) {
    throw new CliError(failures.map((failure) => failure.message).join("\n"), ExitCode.verification, {
      hint: "Run the same command again to download the failed files anew.",
    });
  }
}
