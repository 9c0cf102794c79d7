import type { Context } from "../context.js";
import { checkProductId } from "../errors/invalid-input.js";
import { formatCsv } from "../format/format-csv.js";
import { formatTable } from "../format/format-table.js";
import type { ReportTable } from "../report/table.js";
import { withClient } from "../session/open-client.js";
import { unwrap } from "../session/unwrap.js";

const PATH = "/v3/meta/productProperties/{product_id}";

/** Lists the properties a product's reports can be filtered and segmented by. */
export async function properties(ctx: Context, product: string, options: { format: string }): Promise<void> {
  checkProductId(product);
  const data = await withClient(ctx, async (rui) =>
    unwrap(await rui.GET(PATH, { params: { path: { product_id: product } }, signal: ctx.signal }), "GET", PATH),
  );
  if (options.format === "json") {
    ctx.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  const table: ReportTable = {
    columns: ["name", "friendlyName", "category", "dataType", "regex"],
    rows: (data?.result ?? []).flatMap((category) =>
      (category.properties ?? []).map((property) => [
        property.name,
        property.friendlyName ?? null,
        category.category ?? null,
        property.dataType ?? null,
        property.supportsRegex ?? null,
      ]),
    ),
  };
  ctx.stdout.write(options.format === "csv" ? formatCsv(table) : formatTable(table));
}
