// A file host on its own loopback port, standing in for the one-time download URLs' host. It serves registered
// bytes (any query is accepted: it stands for the URL's signature), honours Range requests (206) so downloads can
// resume, can cut a response short to simulate an interruption, or hands the response to a custom handler. It
// records each request's path and headers so tests can prove that no API cookie or header reached it.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Takes over the response entirely (for slow, odd or cut-short answers). */
export type DownloadHandler = (res: ServerResponse, req: IncomingMessage) => void;

/** How to serve one file. */
export interface HostedFile {
  body: Uint8Array;
  /** Send only this many bytes of the next full (non-Range) response, then drop the connection. */
  cutAfter?: number;
}

/** One request as the host saw it. */
export interface SeenDownload {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface DownloadHost {
  url: string;
  /** Path and headers of every request received. */
  seen: SeenDownload[];
  /** Serves a file at `path`: its bytes, a {@link HostedFile}, or a handler that answers by itself. */
  serve: (path: string, file: Uint8Array | HostedFile | DownloadHandler) => void;
  close: () => Promise<void>;
}

export async function startDownloadHost(): Promise<DownloadHost> {
  const seen: SeenDownload[] = [];
  const files = new Map<string, HostedFile | DownloadHandler>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    seen.push({ path, headers: req.headers });
    const file = files.get(path);
    if (file === undefined) {
      res.writeHead(403, { "content-type": "application/xml" });
      res.end("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
      return;
    }
    if (typeof file === "function") {
      file(res, req);
      return;
    }
    const total = file.body.byteLength;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    if (range?.[1]) {
      const start = Number(range[1]);
      res.writeHead(206, {
        "content-type": "application/zip",
        "content-length": String(total - start),
        "content-range": `bytes ${start}-${total - 1}/${total}`,
      });
      res.end(file.body.subarray(start));
      return;
    }
    res.writeHead(200, { "content-type": "application/zip", "content-length": String(total) });
    if (file.cutAfter !== undefined) {
      const cut = file.cutAfter;
      file.cutAfter = undefined;
      res.write(file.body.subarray(0, cut), () => res.destroy());
      return;
    }
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    serve: (path, file) => files.set(path, file instanceof Uint8Array ? { body: file } : file),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
