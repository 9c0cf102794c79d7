// A loopback reverse proxy in front of the Prism mock. It passes every request and response through unchanged,
// except the one-time download URL in `getDownloadUrl` answers: Prism always answers with the spec's example
// (one fixed file on https://downloads.example.com), so the proxy points it at the requested file on a loopback
// file host, as the real API would point at the requested file on its own host.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Proxy {
  url: string;
  close: () => Promise<void>;
}

export async function startRewriteProxy(target: string, downloadHost: string): Promise<Proxy> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && name !== "host" && name !== "content-length") {
        headers.set(name, value);
      }
    }
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const answer = await fetch(new URL(req.url ?? "/", target), { method: req.method, headers, body });
    let text = await answer.text();
    const product = /\/getDownloadUrl\/(\d+)/.exec(req.url ?? "")?.[1];
    if (product && answer.ok && body) {
      const { fileName } = JSON.parse(body.toString("utf8")) as { fileName: string };
      text = JSON.stringify({
        downloadUrl: `${downloadHost}/${product}/${encodeURIComponent(fileName)}?signature=tour`,
      });
    }
    const out: Record<string, string | string[]> = {};
    answer.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "content-encoding" && name !== "set-cookie") {
        out[name] = value;
      }
    });
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) {
      out["set-cookie"] = cookies;
    }
    res.writeHead(answer.status, out);
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
