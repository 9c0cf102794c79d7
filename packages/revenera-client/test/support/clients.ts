import { TEST_PASSWORD, TEST_USER } from "@org/test-utils";
import { createReveneraClient, type ReveneraClient, type ReveneraClientOptions } from "../../src/index.js";
import { watchedLogger } from "./leak-watch.js";

/** A client of a loopback test server with fast retries and a watched logger (returned as `logger`). */
export function testClient(
  baseUrl: string,
  options: ReveneraClientOptions = {},
): { rui: ReveneraClient; logger: ReturnType<typeof watchedLogger> } {
  const logger = watchedLogger();
  const rui = createReveneraClient({
    userName: TEST_USER,
    password: TEST_PASSWORD,
    baseUrl,
    retry: { initialDelayMs: 1, maxDelayMs: 20 },
    timeoutMs: 5_000,
    logger,
    env: {},
    ...options,
  });
  return { rui, logger };
}

export const PRODUCT = { path: { product_id: "1234567890" } };
export const EVENTS_PATH = "/v3/event-tracking/1234567890";
export const EVENTS_KEY = `GET ${EVENTS_PATH}`;
