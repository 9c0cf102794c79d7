import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  errorDetail,
  errorFromResponse,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  REDACTED,
  requestIdFromHeaders,
  SdkError,
  ServerError,
  TimeoutError,
} from "../../src/index.js";

const request = { method: "POST", path: "/v3/items/{id}" };
const make = (status: number, headers: Record<string, string> = {}) =>
  errorFromResponse({ ...request, status, body: { message: "nope" }, headers });

describe("errorFromResponse", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, AuthenticationError],
    [404, NotFoundError],
    [422, BadRequestError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [409, ApiError],
  ])("maps %i to %o", (status, type) => {
    const error = make(status);
    expect(error).toBeInstanceOf(type);
    expect(error.constructor).toBe(type);
    expect(error.name).toBe(type.name);
    expect(error.status).toBe(status);
  });

  it("reads Retry-After into RateLimitError.retryAfterMs", () => {
    expect((make(429, { "retry-after": "2" }) as RateLimitError).retryAfterMs).toBe(2000);
    expect((make(429) as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it("builds a useful message and a redacted JSON form", () => {
    const error = errorFromResponse({
      ...request,
      status: 400,
      body: { reason: "bad date" },
      headers: { "set-cookie": "session=abc123", "x-request-id": "r-1" },
      requestId: "r-1",
      detail: "bad date",
    });
    expect(error.message).toBe("POST /v3/items/{id} failed with HTTP 400: bad date (request id r-1)");
    expect(error.headers).toEqual({ "set-cookie": REDACTED, "x-request-id": "r-1" });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "BadRequestError",
      message: error.message,
      status: 400,
      method: "POST",
      path: "/v3/items/{id}",
      requestId: "r-1",
      body: { reason: "bad date" },
      headers: { "set-cookie": REDACTED, "x-request-id": "r-1" },
    });
  });
});

describe("SdkError.isInstance", () => {
  it("recognises every SDK error, even from another copy of the package (symbol marker)", () => {
    expect(SdkError.isInstance(make(500))).toBe(true);
    expect(SdkError.isInstance(new TimeoutError(request, 10))).toBe(true);
    const foreign = Object.assign(new Error("x"), { [Symbol.for("org.sdk.error")]: true });
    expect(SdkError.isInstance(foreign)).toBe(true);
    expect(SdkError.isInstance(new Error("plain"))).toBe(false);
    expect(SdkError.isInstance(null)).toBe(false);
  });
});

describe("other errors", () => {
  it("InvalidArgumentError names every field and rule", () => {
    const error = new InvalidArgumentError("options", [
      { path: "timeoutMs", rule: "must be positive" },
      { path: "", rule: "is required" },
    ]);
    expect(error.message).toBe("Invalid options:\n  - timeoutMs: must be positive\n  - (value): is required");
    expect(error.issues).toHaveLength(2);
  });

  it("InvalidResponseError says what was wrong", () => {
    const error = new InvalidResponseError({
      ...request,
      status: 200,
      reason: "its body is not valid JSON",
      requestId: "r",
    });
    expect(error.message).toBe("POST /v3/items/{id} returned HTTP 200 but its body is not valid JSON (request id r)");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 200, requestId: "r" });
  });
});

describe("errorDetail", () => {
  it.each([
    [{ message: "Cookie Missing" }, "Cookie Missing"],
    [{ status: "SYNTAX ERROR", reason: "bad field" }, "bad field"],
    [{ error: "boom" }, "boom"],
    [{ other: 1 }, undefined],
    ["<!DOCTYPE html><html><head><title> 502 Bad Gateway </title></head></html>", 'HTML page "502 Bad Gateway"'],
    ["<html><body>down</body></html>", "HTML page"],
    ["  plain\n text  ", "plain text"],
    ["", undefined],
    [undefined, undefined],
    ["x".repeat(300), `${"x".repeat(200)}…`],
  ])("summarises %j", (body, detail) => {
    expect(errorDetail(body)).toBe(detail);
  });
});

describe("requestIdFromHeaders", () => {
  it("takes the first known request id header", () => {
    expect(requestIdFromHeaders(new Headers({ "x-amzn-requestid": "a", "x-request-id": "b" }))).toBe("b");
    expect(requestIdFromHeaders(new Headers({ "cf-ray": "c" }))).toBe("c");
    expect(requestIdFromHeaders(new Headers())).toBeUndefined();
  });
});
