import { UUID } from "uuidv7";
import { describe, expect, it } from "vitest";
import { newEventId } from "../../src/event/new-event-id.js";

describe("newEventId", () => {
  it("gives canonical, distinct, increasing UUIDv7s that carry the current time", () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => newEventId());
    const after = Date.now();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(UUID.parse(id).toString()).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const millis = Number.parseInt(ids[0]?.replaceAll("-", "").slice(0, 12) ?? "", 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(after);
  });
});
