import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const READY = /Prism is listening on (http:\/\/[\w.:[\]-]+)/;

export interface StartPrismOptions {
  /** Turn response-schema violations (a bad example in our spec) into errors. Default true. */
  errors?: boolean;
  /** How long to wait for "Prism is listening". Default 30 s. */
  readyTimeoutMs?: number;
}

export interface PrismServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything Prism printed so far (useful in failure messages). */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `prism mock` for one OpenAPI document on an ephemeral loopback port and resolves when Prism says it
 * listens (the port comes from Prism's own output, so there is no port race and no polling).
 */
export async function startPrism(spec: string, options: StartPrismOptions = {}): Promise<PrismServer> {
  const prismBin = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist/index.js");
  const args = [prismBin, "mock", spec, "-h", "127.0.0.1", "-p", "0"];
  if (options.errors !== false) {
    args.push("--errors");
  }
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`prism not ready after ${options.readyTimeoutMs ?? 30_000} ms\n${output}`)),
      options.readyTimeoutMs ?? 30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited early (code ${code})\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  return { url, log: () => output, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}
