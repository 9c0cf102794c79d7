import { InvalidArgumentError, InvalidResponseError, type Logger } from "@org/sdk-core";
import type { ReveneraCallOptions } from "../call-types.js";
import type { components } from "../generated/schema.js";
import type { RequestFetch } from "../session/cookie-jar-fetch.js";
import { type DownloadOptions, downloadFile } from "./download.js";
import { type ZipCsvOptions, zipCsvRows } from "./zip-csv-rows.js";

/** The three kinds of file export: raw events (add-on), custom event tracking, exception tracking. */
export type ExportKind = "rawEvents" | "customEvents" | "exceptions";

/** What `listFiles` returns for each kind. */
export interface ExportFileListings {
  rawEvents: components["schemas"]["RawFileListing"];
  customEvents: components["schemas"]["TrackingFileListing"];
  exceptions: components["schemas"]["TrackingFileListing"];
}

const EXPORT_PATHS = {
  rawEvents: {
    list: "/v3/rawEvents/download/listFiles/{product_id}",
    url: "/v3/rawEvents/download/getDownloadUrl/{product_id}",
  },
  customEvents: {
    list: "/v3/customEventTracking/listFiles/{product_id}",
    url: "/v3/customEventTracking/getDownloadUrl/{product_id}",
  },
  exceptions: {
    list: "/v3/exceptionTracking/listFiles/{product_id}",
    url: "/v3/exceptionTracking/getDownloadUrl/{product_id}",
  },
} as const;

/**
 * File export helpers. Unlike `GET`/`POST`, which return `{ data, error }`, these throw: an HTTP error as its
 * `ApiError` subclass.
 */
export interface ReveneraExports {
  /** Lists the zip files available for download. */
  listFiles<Kind extends ExportKind>(
    kind: Kind,
    productId: string,
    options?: ReveneraCallOptions,
  ): Promise<ExportFileListings[Kind]>;
  /** Asks for the one-time download URL of one file (on another host). */
  getDownloadUrl(kind: ExportKind, productId: string, fileName: string, options?: ReveneraCallOptions): Promise<string>;
  /** Downloads a URL from `getDownloadUrl` without any API cookie or header, as a stream of the zip's bytes. */
  download(url: string, options?: DownloadOptions): Promise<ReadableStream<Uint8Array>>;
  /**
   * Gets the download URL, downloads the zip and yields the rows of the CSV inside, in constant memory. Nothing is
   * requested until the loop starts; breaking out of it stops the download.
   */
  rows<Row extends Record<string, string> = Record<string, string>>(
    kind: ExportKind,
    productId: string,
    fileName: string,
    options?: DownloadOptions & ZipCsvOptions,
  ): AsyncIterable<Row>;
}

type Call = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Builds the export helpers over a client's `GET` and `POST`. */
export function createExportHelpers(
  client: { GET: unknown; POST: unknown },
  deps: { transport: RequestFetch; timeoutMs: number | undefined; log: Logger; secrets: () => string[] },
): ReveneraExports {
  const get = client.GET as Call;
  const post = client.POST as Call;

  const helpers: ReveneraExports = {
    async listFiles<Kind extends ExportKind>(kind: Kind, productId: string, options: ReveneraCallOptions = {}) {
      const { data, error } = await get(pathsOf(kind).list, {
        ...options,
        params: { path: { product_id: productId } },
      });
      if (error) {
        throw error;
      }
      return (data ?? {}) as ExportFileListings[Kind];
    },

    async getDownloadUrl(kind, productId, fileName, options = {}) {
      if (typeof fileName !== "string" || fileName.trim() === "") {
        throw new InvalidArgumentError("getDownloadUrl arguments", [{ path: "fileName", rule: "must not be empty" }]);
      }
      const path = pathsOf(kind).url;
      const { data, error, response } = await post(path, {
        ...options,
        params: { path: { product_id: productId } },
        body: { fileName },
      });
      if (error) {
        throw error;
      }
      const url = downloadUrlOf(data);
      if (!url) {
        throw new InvalidResponseError({
          method: "POST",
          path,
          status: response.status,
          reason: "its body holds no download URL (expected a `downloadUrl` member)",
        });
      }
      return url;
    },

    download: (url, options = {}) =>
      downloadFile(url, deps.transport, {
        timeoutMs: deps.timeoutMs,
        ...options,
        log: deps.log,
        secrets: deps.secrets(),
      }),

    rows<Row extends Record<string, string> = Record<string, string>>(
      kind: ExportKind,
      productId: string,
      fileName: string,
      options: DownloadOptions & ZipCsvOptions = {},
    ): AsyncIterable<Row> {
      return {
        async *[Symbol.asyncIterator]() {
          const url = await helpers.getDownloadUrl(kind, productId, fileName, { signal: options.signal });
          const zip = await helpers.download(url, options);
          yield* zipCsvRows<Row>(zip, options);
        },
      };
    },
  };
  return helpers;
}

function pathsOf(kind: ExportKind): (typeof EXPORT_PATHS)[ExportKind] {
  const paths = EXPORT_PATHS[kind];
  if (!paths) {
    throw new InvalidArgumentError("export kind", [
      { path: "kind", rule: `must be one of ${Object.keys(EXPORT_PATHS).join(", ")}` },
    ]);
  }
  return paths;
}

/** `downloadUrl`, else (a server that names it differently) the first member holding an http(s) URL. */
function downloadUrlOf(data: unknown): string | undefined {
  if (data === null || typeof data !== "object") {
    return undefined;
  }
  const record = data as Record<string, unknown>;
  const candidates = [record.downloadUrl, ...Object.values(record)];
  return candidates.find(
    (value): value is string => typeof value === "string" && URL.canParse(value) && /^https?:/.test(value),
  );
}
