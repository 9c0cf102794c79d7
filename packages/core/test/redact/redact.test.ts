import { describe, expect, it } from "vitest";
import {
  type LogEntry,
  REDACTED,
  redactHeaders,
  redactingLogger,
  redactSecrets,
  redactSecretsDeep,
  redactValue,
} from "../../src/index.js";

describe("redaction", () => {
  it("redacts sensitive headers, whatever their case", () => {
    const headers = new Headers({ Cookie: "a=1", "Set-Cookie": "b=2", Authorization: "Bearer x", Accept: "*/*" });
    expect(redactHeaders(headers)).toEqual({
      accept: "*/*",
      authorization: REDACTED,
      cookie: REDACTED,
      "set-cookie": REDACTED,
    });
    expect(redactHeaders({ "X-API-KEY": "k" })).toEqual({ "X-API-KEY": REDACTED });
  });

  it("replaces secret values in text, ignoring values too short to be secrets", () => {
    expect(redactSecrets("token abcd1234 and abcd1234", ["abcd1234", "ab", undefined])).toBe(
      `token ${REDACTED} and ${REDACTED}`,
    );
  });

  it("redacts secret-looking properties deeply", () => {
    expect(redactValue({ userName: "u", password: "p", nested: [{ sessionToken: "t", ok: 1 }] })).toEqual({
      userName: "u",
      password: REDACTED,
      nested: [{ sessionToken: REDACTED, ok: 1 }],
    });
  });

  it("redacts secret values in every string of a value", () => {
    const value = { message: "cookie s3cr3t-value echoed", list: ["s3cr3t-value"], count: 2 };
    expect(redactSecretsDeep(value, ["s3cr3t-value"])).toEqual({
      message: `cookie ${REDACTED} echoed`,
      list: [REDACTED],
      count: 2,
    });
    expect(redactSecretsDeep(value, [])).toBe(value);
  });

  it("wraps a logger so that no entry carries a secret, including ones learnt later", () => {
    const entries: LogEntry[] = [];
    const secrets = ["first-secret"];
    const log = redactingLogger(
      (entry) => entries.push(entry),
      () => secrets,
    );
    secrets.push("later-secret");
    log({ level: "info", event: "x", message: "first-secret", data: { nested: { value: "later-secret!" } } });
    expect(entries).toEqual([
      { level: "info", event: "x", message: REDACTED, data: { nested: { value: `${REDACTED}!` } } },
    ]);
  });
});
