// The README's examples, type-checked (vitest typecheck runs this file; nothing is sent).
import { expectTypeOf, it } from "vitest";
import {
  AuthenticationError,
  createReveneraClient,
  RateLimitError,
  type ReveneraClient,
  SdkError,
  TimeoutError,
} from "../../src/index.js";

declare const rui: ReveneraClient;

it("runs a report and narrows data after the error check", async () => {
  const { data, error } = await rui.POST("/v3/reporting/generic/dateRange/{product_id}", {
    params: { path: { product_id: "1234567890" } },
    body: { startDate: "2026-01-01", stopDate: "2026-01-31", dateSplit: "day", clientStatus: ["new", "active"] },
  });
  if (error) {
    throw error;
  }
  expectTypeOf(data.result).not.toBeNever();
});

it("handles errors", async () => {
  try {
    const { data, error } = await rui.GET("/v3/event-tracking/{product_id}", {
      params: { path: { product_id: "1234567890" } },
      timeoutMs: 10_000,
    });
    if (error instanceof RateLimitError) {
      expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
    } else if (error) {
      throw error;
    } else {
      expectTypeOf(data.result?.length).toEqualTypeOf<number | undefined>();
    }
  } catch (thrown) {
    if (thrown instanceof AuthenticationError || thrown instanceof TimeoutError || SdkError.isInstance(thrown)) {
      expectTypeOf(thrown.message).toBeString();
    }
  }
});

it("configures retries per call and streams exports", async () => {
  createReveneraClient({ retry: { maxRetries: 4 }, timeoutMs: 60_000, logger: (entry) => console.log(entry.message) });
  await rui.PATCH("/v3/license-key-registry/update/{product_id}", {
    params: { path: { product_id: "1234567890" } },
    body: { keyUpdates: [{ licenseKey: "ABCD-1234", installQuota: 5 }] },
    idempotent: true,
    retry: { maxRetries: 1 },
    signal: new AbortController().signal,
  });
  const { dailyFiles = [] } = await rui.exports.listFiles("customEvents", "1234567890");
  for (const file of dailyFiles) {
    for await (const row of rui.exports.rows("customEvents", "1234567890", file.fileName ?? "")) {
      expectTypeOf(row.clientId).toEqualTypeOf<string | undefined>();
    }
  }
  const url = await rui.exports.getDownloadUrl("rawEvents", "1234567890", "1234567890_2026-03-01.zip");
  expectTypeOf(await rui.exports.download(url)).toEqualTypeOf<ReadableStream<Uint8Array>>();
  for await (const page of rui
    .paginate("/v3/meta/propertyValues/{product_id}", {
      params: { path: { product_id: "1234567890" } },
      body: { property: "os", granularity: "version" },
    })
    .pages()) {
    expectTypeOf(page.lastValue).toEqualTypeOf<string | undefined>();
  }
  createReveneraClient({ session: await rui.exportSession(), password: process.env.REVENERA_PASSWORD });
});
