import type { components } from "../generated/schema.js";

type Schemas = components["schemas"];

/** The operations {@link ReveneraClient.paginate} walks, with their request body, page and item types. */
export interface PagedOperations {
  /** Clients, at most 200 per page; cursor `startAtClientId` ← `nextClientId` until `reachedEnd`. */
  "/v3/reporting/clientPropertyList/{product_id}": {
    body: Omit<Schemas["ClientPropertyListRequest"], "startAtClientId">;
    page: Schemas["ClientPropertyListResponse"];
    item: Schemas["ClientRecord"];
  };
  /** Values of one property; cursor `startAfter` ← `lastValue` while the list is truncated. */
  "/v3/meta/propertyValues/{product_id}": {
    body: Omit<Schemas["PropertyValuesRequest"], "startAfter">;
    page: Schemas["PropertyValuesResponse"];
    item: Schemas["PropertyValue"];
  };
}

/** A path that {@link ReveneraClient.paginate} accepts. */
export type PagedPath = keyof PagedOperations;

interface PagingRule<Path extends PagedPath> {
  /** The request body of the page after `cursor` (undefined: the first page). */
  withCursor(body: PagedOperations[Path]["body"], cursor: string | undefined): Record<string, unknown>;
  items(page: PagedOperations[Path]["page"]): readonly PagedOperations[Path]["item"][];
  /** The cursor of the next page, or undefined after the last. */
  next(page: PagedOperations[Path]["page"]): string | undefined;
}

/** How each paged operation carries its cursor. */
export const PAGING_RULES: { [Path in PagedPath]: PagingRule<Path> } = {
  "/v3/reporting/clientPropertyList/{product_id}": {
    withCursor: (body, cursor) => ({ ...body, startAtClientId: cursor ?? null }),
    items: (page) => page.result ?? [],
    next: (page) => (page.reachedEnd === true || !page.result?.length ? undefined : page.nextClientId || undefined),
  },
  "/v3/meta/propertyValues/{product_id}": {
    withCursor: (body, cursor) => (cursor === undefined ? { ...body } : { ...body, startAfter: cursor }),
    items: (page) => page.result ?? [],
    next: (page) => (page.result?.length ? page.lastValue || undefined : undefined),
  },
};
