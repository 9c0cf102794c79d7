// A file host on its own loopback port, standing in for the one-time download URL's host. It records every
// request's headers so tests can prove that no API cookie or header reached it.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { strToU8, zipSync } from "fflate";

export interface DownloadServer {
  url: string;
  /** Headers of every request received. */
  seen: IncomingHttpHeaders[];
  /** Serves `body` at `path` (any query is accepted: it stands for the URL's signature). */
  serve: (path: string, body: Uint8Array | ((res: ServerResponse) => void)) => void;
  close: () => Promise<void>;
}

export async function startDownloadServer(): Promise<DownloadServer> {
  const seen: IncomingHttpHeaders[] = [];
  const files = new Map<string, Uint8Array | ((res: ServerResponse) => void)>();
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const file = files.get(new URL(req.url ?? "/", "http://x").pathname);
    if (file === undefined) {
      res.writeHead(403, { "content-type": "application/xml" });
      res.end("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
    } else if (typeof file === "function") {
      file(res);
    } else {
      res.writeHead(200, { "content-type": "application/zip", "content-length": String(file.byteLength) });
      res.end(file);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    serve: (path, body) => files.set(path, body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A zip (built with fflate) holding the given CSV files, deflated. */
export function zipOfCsv(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
}
