import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ServerCounters } from "./loopback-server.ts";

export interface ServerProcess {
  url: string;
  counters(): Promise<ServerCounters>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const MAIN = fileURLToPath(new URL("./server-main.ts", import.meta.url));

/** Starts the loopback server in a child process (same Node as this one) and waits for its URL (10 s at most). */
export async function startServerProcess(filesDir?: string): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [MAIN, ...(filesDir ? [filesDir] : [])], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("loopback server not ready after 10 s")), 10_000);
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const line = buffer.split("\n")[0];
      if (buffer.includes("\n") && line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`loopback server exited early (code ${code})`));
    });
  });
  return {
    url,
    counters: async () => (await (await fetch(`${url}/__stats`)).json()) as ServerCounters,
    reset: async () => {
      await (await fetch(`${url}/__reset`, { method: "POST" })).arrayBuffer();
    },
    stop: async () => {
      if (child.exitCode !== null) {
        return;
      }
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
