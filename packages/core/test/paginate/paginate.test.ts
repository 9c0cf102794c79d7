import { describe, expect, it } from "vitest";
import { paginate } from "../../src/index.js";

interface Page {
  items: number[];
  next?: string;
}
const book: Record<string, Page> = {
  start: { items: [1, 2], next: "b" },
  b: { items: [3], next: "c" },
  c: { items: [4, 5] },
};

function pager(pages: Record<string, Page>, fetched: (string | undefined)[] = []) {
  return {
    fetchPage: async (cursor: string | undefined) => {
      fetched.push(cursor);
      return pages[cursor ?? "start"] as Page;
    },
    items: (page: Page) => page.items,
    nextCursor: (page: Page) => page.next,
  };
}

describe("paginate", () => {
  it("yields every item across pages, and whole pages with pages()", async () => {
    const items: number[] = [];
    for await (const item of paginate(pager(book))) {
      items.push(item);
    }
    expect(items).toEqual([1, 2, 3, 4, 5]);
    const pages: Page[] = [];
    for await (const page of paginate(pager(book)).pages()) {
      pages.push(page);
    }
    expect(pages).toHaveLength(3);
  });

  it("is lazy: nothing is fetched before the loop, nothing after a break", async () => {
    const fetched: (string | undefined)[] = [];
    const all = paginate(pager(book, fetched));
    expect(fetched).toEqual([]);
    for await (const item of all) {
      expect(item).toBe(1);
      break;
    }
    expect(fetched).toEqual([undefined]);
  });

  it("stops when the server repeats the cursor", async () => {
    const loop = { start: { items: [1], next: "same" }, same: { items: [2], next: "same" } };
    const items: number[] = [];
    for await (const item of paginate(pager(loop))) {
      items.push(item);
    }
    expect(items).toEqual([1, 2]);
  });

  it("gives up after maxPages when the server never reports the end", async () => {
    let n = 0;
    const endless = {
      fetchPage: async () => ({ items: [n], next: String(++n) }),
      items: (page: Page) => page.items,
      nextCursor: (page: Page) => page.next,
      maxPages: 3,
    };
    const iterate = async () => {
      for await (const _ of paginate(endless)) {
        // nothing
      }
    };
    await expect(iterate()).rejects.toThrow("Stopped paging after 3 pages");
  });
});
