import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/**
 * Asks a question on the terminal and resolves with the answer. With `hidden`, what the user types is not echoed
 * (for passwords). Fails when stdin is not a terminal, so scripts never hang on a prompt.
 */
export async function ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Error("stdin is not a terminal");
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) {
        process.stderr.write(chunk);
      }
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, resolve);
      muted = options.hidden === true;
    });
  } finally {
    rl.close();
    if (options.hidden) {
      process.stderr.write("\n");
    }
  }
}
