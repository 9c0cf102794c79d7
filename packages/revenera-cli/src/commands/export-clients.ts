import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import type { ReveneraClient } from "@org/revenera-client";
import type { Context } from "../context.js";

/**
 * Pages through the client property list (200 clients a page, `startAtClientId`/`nextClientId`) and writes one
 * JSON object per client to `clients.ndjson`.
 */
export async function exportClients(
  ctx: Context,
  rui: ReveneraClient,
  product: string,
  dir: string,
  options: { properties?: string },
): Promise<void> {
  const path = join(dir, "clients.ndjson");
  const out = createWriteStream(path);
  const properties = options.properties
    ?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  let count = 0;
  try {
    for await (const client of rui.paginate("/v3/reporting/clientPropertyList/{product_id}", {
      params: { path: { product_id: product } },
      body: properties ? { properties } : {},
      signal: ctx.signal,
    })) {
      if (!out.write(`${JSON.stringify(client)}\n`)) {
        await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      }
      count++;
    }
  } finally {
    out.end();
    await finished(out);
  }
  ctx.stdout.write(`${count} clients → ${path}\n`);
}
