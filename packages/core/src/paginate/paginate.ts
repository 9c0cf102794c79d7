/** How to walk a cursor-paged operation. */
export interface CursorPager<Page, Item, Cursor> {
  /** Fetches one page; `cursor` is `undefined` for the first. Throw to stop with an error. */
  fetchPage: (cursor: Cursor | undefined, signal?: AbortSignal) => Promise<Page>;
  /** The items of a page. */
  items: (page: Page) => readonly Item[];
  /** The cursor of the next page, or `undefined` when this was the last. */
  nextCursor: (page: Page) => Cursor | undefined;
  /** Stops after this many pages (a guard against a server that never says "last page"). Default 10,000. */
  maxPages?: number;
}

/** An async iterable over every item, with `pages()` for page-at-a-time access. */
export interface Paginated<Page, Item> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
}

/**
 * Turns a cursor-paged operation into `for await (const item of paginate(...))`. Pages are fetched lazily, one at
 * a time, as the loop asks for them; breaking out of the loop fetches nothing more.
 */
export function paginate<Page, Item, Cursor>(
  pager: CursorPager<Page, Item, Cursor>,
  signal?: AbortSignal,
): Paginated<Page, Item> {
  const maxPages = pager.maxPages ?? 10_000;
  async function* pages(): AsyncGenerator<Page> {
    let cursor: Cursor | undefined;
    for (let count = 0; count < maxPages; count++) {
      const page = await pager.fetchPage(cursor, signal);
      yield page;
      const next = pager.nextCursor(page);
      if (next === undefined || next === cursor) {
        return;
      }
      cursor = next;
    }
    throw new Error(`Stopped paging after ${maxPages} pages: the server never reported the last page`);
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) {
        yield* pager.items(page);
      }
    },
  };
}
