import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, resolveRetryPolicy } from "../../src/index.js";

const policy = { initialDelayMs: 100, maxDelayMs: 1_000 };

describe("backoffDelay", () => {
  it("doubles each retry, with jitter in the upper half of the window", () => {
    expect(backoffDelay(1, policy, undefined, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, undefined, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, undefined, () => 1)).toBe(400);
  });

  it("caps at maxDelayMs, including a server's Retry-After", () => {
    expect(backoffDelay(10, policy, undefined, () => 1)).toBe(1_000);
    expect(backoffDelay(1, policy, 5_000)).toBe(1_000);
    expect(backoffDelay(1, policy, 0)).toBe(0);
    expect(backoffDelay(1, policy, -5)).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-03-01T00:00:00Z");
  it.each([
    ["2", 2_000],
    ["0.5", 500],
    [" 0 ", 0],
    ["Sun, 01 Mar 2026 00:00:03 GMT", 3_000],
    ["Sat, 28 Feb 2026 00:00:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("reads %j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("resolveRetryPolicy", () => {
  it("merges partial options over the default, and false means no retries", () => {
    expect(resolveRetryPolicy(undefined)).toEqual(DEFAULT_RETRY_POLICY);
    expect(resolveRetryPolicy({ maxRetries: 5 })).toEqual({ ...DEFAULT_RETRY_POLICY, maxRetries: 5 });
    expect(resolveRetryPolicy(false).maxRetries).toBe(0);
  });
});
