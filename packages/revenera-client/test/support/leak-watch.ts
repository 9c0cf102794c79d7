// Collects every logged entry and every error a test file sees, and fails the file if a secret (the test
// password, or any cookie value a test server handed out) appears in any of them: message, JSON, stack or cause.
import type { LogEntry, Logger } from "@org/sdk-core";
import { TEST_PASSWORD } from "@org/test-utils";
import { afterAll, expect } from "vitest";

const lines: string[] = [];
const secretSources: (() => string[])[] = [() => [TEST_PASSWORD]];

/** Registers more secrets to look for (e.g. `server.issuedSecrets`). */
export function watchSecrets(source: () => string[]): void {
  secretSources.push(source);
}

/** A logger that records every entry, plus an array of them for the test's own assertions. */
export function watchedLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const logger = (entry: LogEntry) => {
    entries.push(entry);
    lines.push(JSON.stringify(entry));
  };
  return Object.assign(logger, { entries });
}

/** Records an error in every form a user might print it. */
export function recordError(error: unknown): void {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      lines.push(current.message, String(current.stack), JSON.stringify(current), String(current));
      current = current.cause;
    } else {
      lines.push(String(current), JSON.stringify(current) ?? "");
      current = undefined;
    }
  }
}

/** Awaits a promise that must reject, records the error and returns it. */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    recordError(error);
    return error;
  }
  throw new Error("expected the promise to reject");
}

/** How many lines were checked (so the leak test can prove it looked at something). */
export function watchedLineCount(): number {
  return lines.length;
}

/** Asserts that no watched line contains a secret. */
export function assertNoSecretsLeaked(): void {
  const secrets = secretSources.flatMap((source) => source()).filter((secret) => secret.length >= 4);
  for (const line of lines) {
    for (const secret of secrets) {
      expect(line.includes(secret), `secret leaked in: ${line.slice(0, 300)}`).toBe(false);
    }
  }
}

afterAll(assertNoSecretsLeaked);
