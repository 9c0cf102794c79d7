// TypeScript consumer: type-checked with `tsc --noEmit` (strict) under moduleResolution nodenext and bundler.

import { createReoIngest, type ReoEventInput, type TrackResult } from "@org/reo-ingest";
import { createReveneraClient } from "@org/revenera-client";
import { SdkError, TimeoutError } from "@org/sdk-core";

const event: ReoEventInput = { activity_type: "CALL_HOME", ip_addr: "203.0.113.7", user_agent: "consumer/1.0" };
const reo = createReoIngest({ apiKey: "key", productId: "consumer" });
const tracked: TrackResult = reo.track(event);
export const accepted: boolean = tracked.accepted;

const rui = createReveneraClient({ userName: "me@example.com", password: "secret" });
export async function report(): Promise<unknown> {
  const { data, error } = await rui.POST("/v3/reporting/generic/dateRange/{product_id}", {
    params: { path: { product_id: "123" } },
    body: { startDate: "2026-03-01", stopDate: "2026-03-31", dateSplit: "day", clientStatus: ["active"] },
  });
  if (error) {
    throw error;
  }
  return data;
}

export const isSdkError: boolean = new TimeoutError({ method: "GET", path: "/" }, 1) instanceof SdkError;
