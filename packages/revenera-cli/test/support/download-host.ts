// A file host on its own loopback port, standing in for the one-time download URLs' host: serves registered
// bytes, honours Range requests (206) so downloads can resume, and can cut a response short to simulate an
// interruption. It records each request's headers to prove no API cookie reaches it.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** How to serve one file. */
export interface HostedFile {
  body: Uint8Array;
  /** Send only this many bytes of the next full (non-Range) response, then drop the connection. */
  cutAfter?: number;
}

export interface DownloadHost {
  url: string;
  seen: { path: string; headers: IncomingHttpHeaders }[];
  serve: (path: string, file: HostedFile) => void;
  close: () => Promise<void>;
}

export async function startDownloadHost(): Promise<DownloadHost> {
  const seen: DownloadHost["seen"] = [];
  const files = new Map<string, HostedFile>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    seen.push({ path, headers: req.headers });
    const file = files.get(path);
    if (!file) {
      res.writeHead(403, { "content-type": "application/xml" });
      res.end("<Error><Code>AccessDenied</Code></Error>");
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
    if (file.cutAfter !== undefined) {
      const cut = file.cutAfter;
      file.cutAfter = undefined;
      res.writeHead(200, { "content-type": "application/zip", "content-length": String(total) });
      res.write(file.body.subarray(0, cut), () => res.destroy());
      return;
    }
    res.writeHead(200, { "content-type": "application/zip" });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    serve: (path, file) => files.set(path, file),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
