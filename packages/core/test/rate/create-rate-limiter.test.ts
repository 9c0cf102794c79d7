import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/index.js";

describe("createRateLimiter", () => {
  it("lets the first caller through at once and the others one by one, in call order", async () => {
    const limiter = createRateLimiter(200, () => 0);
    const order: number[] = [];
    const waits = [0, 1, 2].map((n) => limiter.wait().then(() => order.push(n)));
    await waits[0];
    expect(order).toEqual([0]);
    await Promise.all(waits);
    expect(order).toEqual([0, 1, 2]);
  });

  it("does not wait when callers come slower than the limit", async () => {
    let clock = 0;
    const limiter = createRateLimiter(10, () => clock);
    for (let n = 0; n < 3; n++) {
      clock += 1_000;
      await limiter.wait();
    }
  });

  it("rejects with the signal's reason when aborted while waiting", async () => {
    const limiter = createRateLimiter(0.001, () => 0);
    await limiter.wait();
    const controller = new AbortController();
    const waiting = limiter.wait(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });

  it("refuses a rate that is not a positive number", () => {
    expect(() => createRateLimiter(0)).toThrow(RangeError);
    expect(() => createRateLimiter(Number.NaN)).toThrow(RangeError);
  });
});
