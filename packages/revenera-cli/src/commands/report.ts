import type { Context } from "../context.js";
import { assertNoIssues, checkProductId } from "../errors/invalid-input.js";
import { formatCsv } from "../format/format-csv.js";
import { formatTable } from "../format/format-table.js";
import { readRequestFile } from "../io/read-request-file.js";
import { writeOutput } from "../io/write-output.js";
import { buildRequest, type ReportFlags } from "../report/build-request.js";
import { findKind, REPORT_KINDS } from "../report/kinds.js";
import { checkRequest } from "../report/request-schema.js";
import { withClient } from "../session/open-client.js";
import { unwrap } from "../session/unwrap.js";

/** The output formats of `revenera report`. */
export const FORMATS = ["table", "json", "csv", "html"] as const;

/** Options of `revenera report`. */
export interface ReportOptions extends ReportFlags {
  format: string;
  output?: string;
  request?: string;
}

/** Runs one report: builds and validates the request (before sending anything), calls the API, prints the result. */
export async function report(ctx: Context, kindName: string, product: string, options: ReportOptions): Promise<void> {
  const kind = findKind(kindName);
  assertNoIssues("report", [
    ...(kind ? [] : [{ path: "<kind>", rule: `must be one of ${REPORT_KINDS.map((k) => k.name).join(", ")}` }]),
    ...((FORMATS as readonly string[]).includes(options.format)
      ? []
      : [{ path: "--format", rule: `must be one of ${FORMATS.join(", ")}` }]),
  ]);
  checkProductId(product);
  if (!kind) {
    return;
  }
  const base = options.request ? await readRequestFile(options.request) : {};
  const { body, issues } = buildRequest(kind, options, base);
  assertNoIssues(`${kind.name} request`, issues);
  assertNoIssues(`${kind.name} request`, checkRequest(kind.operationId, body));

  const data = await withClient(ctx, async (rui) => {
    const call = rui.POST as unknown as (
      path: string,
      init: unknown,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    return unwrap(
      await call(kind.path, { params: { path: { product_id: product } }, body, signal: ctx.signal }),
      "POST",
      kind.path,
    );
  });
  const result = (data as { result?: unknown } | undefined)?.result;
  const table = kind.shape(result);
  const period = [body.startDate, body.stopDate].filter(Boolean).join(" to ");
  // ECharts is only loaded for HTML output, to keep every other command quick to start.
  const formatHtml = options.format === "html" ? (await import("../format/format-html.js")).formatHtml : undefined;
  const text =
    options.format === "json"
      ? `${JSON.stringify(data, null, 2)}\n`
      : options.format === "csv"
        ? formatCsv(table)
        : formatHtml
          ? formatHtml(table, {
              title: withoutFlagHints(kind.summary),
              subtitle: `Product ${product} · ${kind.name} · ${period}`,
            })
          : formatTable(table, Math.max(40, Math.min(ctx.stdout.columns ?? 80, 80)));
  const path = await writeOutput(ctx, text, options.output);
  if (path) {
    ctx.stderr.write(`Wrote ${path}\n`);
  }
}

/** A report's help summary without its trailing flag hints, e.g. "(needs --event)", for use as a chart title. */
function withoutFlagHints(summary: string): string {
  return summary.replace(/\s*\([^)]*--[^)]*\)$/, "");
}
