import { type Paginated, paginate } from "@org/sdk-core";
import type { ReveneraCallOptions } from "../call-types.js";
import { PAGING_RULES, type PagedOperations, type PagedPath } from "./paged-operations.js";

/** The options of {@link ReveneraClient.paginate}: the operation's path params and body without its cursor. */
export interface ReveneraPaginateInit<Path extends PagedPath> extends ReveneraCallOptions {
  params: { path: { product_id: string } };
  body: PagedOperations[Path]["body"];
  /** Stops after this many pages (a guard against a server that never reports the end). Default 10,000. */
  maxPages?: number;
}

/**
 * Walks a paged operation page by page, lazily: `for await (const item of rui.paginate(path, init))`, or
 * `.pages()` for whole pages. An HTTP error on any page is thrown (as its `ApiError` subclass); an expired
 * session is renewed transparently.
 */
export type ReveneraPaginate = <Path extends PagedPath>(
  path: Path,
  init: ReveneraPaginateInit<Path>,
) => Paginated<PagedOperations[Path]["page"], PagedOperations[Path]["item"]>;

/** The POST method paginate needs, without the generics of the full client. */
type PostPage = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Builds `paginate` over a client's POST. */
export function createPaginate(client: { POST: unknown }): ReveneraPaginate {
  const post = client.POST as PostPage;
  return <Path extends PagedPath>(path: Path, init: ReveneraPaginateInit<Path>) => {
    const rule = PAGING_RULES[path] as unknown as {
      withCursor(body: unknown, cursor: string | undefined): Record<string, unknown>;
      items(page: PagedOperations[Path]["page"]): readonly PagedOperations[Path]["item"][];
      next(page: PagedOperations[Path]["page"]): string | undefined;
    };
    const { body, maxPages, ...callOptions } = init;
    return paginate<PagedOperations[Path]["page"], PagedOperations[Path]["item"], string>(
      {
        maxPages,
        items: rule.items,
        nextCursor: rule.next,
        async fetchPage(cursor) {
          const { data, error } = await post(path, { ...callOptions, body: rule.withCursor(body, cursor) });
          if (error) {
            throw error;
          }
          return (data ?? {}) as PagedOperations[Path]["page"];
        },
      },
      init.signal,
    );
  };
}
