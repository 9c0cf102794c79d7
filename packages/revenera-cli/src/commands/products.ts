import type { Context } from "../context.js";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { formatCsv } from "../format/format-csv.js";
import { formatTable } from "../format/format-table.js";
import { flatten, isObject, toCell } from "../report/records.js";
import type { Cell, ReportTable } from "../report/table.js";
import { readSession } from "../session/session-file.js";

/**
 * Lists the products of the account. The API has no product listing: the login answer's `products` member is
 * the only source (its content is undocumented), so this shows what `revenera login` received.
 */
export async function products(ctx: Context, options: { format: string }): Promise<void> {
  const stored = await readSession(ctx.configDir);
  if (!stored) {
    throw new CliError("Not logged in.", ExitCode.auth, {
      hint: "Run `revenera login`: the product list comes with it.",
    });
  }
  if (options.format === "json") {
    ctx.stdout.write(`${JSON.stringify(stored.products, null, 2)}\n`);
    return;
  }
  const rows: Record<string, Cell>[] = Object.entries(stored.products).map(([id, product]) => ({
    id,
    ...(isObject(product) ? flatten(product) : { name: toCell(product) }),
  }));
  if (rows.length === 0) {
    ctx.stdout.write(
      "The login answer listed no products. Use the product id shown in the Usage Intelligence dashboard.\n",
    );
    return;
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const table: ReportTable = { columns, rows: rows.map((row) => columns.map((column) => row[column] ?? null)) };
  ctx.stdout.write(options.format === "csv" ? formatCsv(table) : formatTable(table));
}
