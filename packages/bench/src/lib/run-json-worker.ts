import { spawn } from "node:child_process";

/**
 * Runs a benchmark worker in a fresh Node process and parses the JSON on the last line it prints. A fresh process
 * per measurement keeps one SDK's heap and sockets from skewing the next. Killed after `timeoutMs`.
 */
export function runJsonWorker<Result>(
  args: readonly string[],
  options: { label: string; timeoutMs: number; stderrLines: number },
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.once("close", (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split("\n").pop();
      if (code !== 0 || !line) {
        const tail = stderr.trim().split("\n").slice(-options.stderrLines).join(" ");
        reject(new Error(`${options.label}exit ${code}: ${tail}`));
        return;
      }
      resolve(JSON.parse(line) as Result);
    });
  });
}
