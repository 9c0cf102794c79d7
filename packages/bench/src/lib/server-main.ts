// Runs the loopback server in its own process (so it does not share the event loop with the client being measured):
// `node server-main.ts [filesDir]`. Prints one JSON line `{"url": ...}` when listening; exits on SIGTERM or when the
// parent's IPC channel closes.
import { startLoopbackServer } from "./loopback-server.ts";

const server = await startLoopbackServer({ filesDir: process.argv[2] });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("disconnect", stop);
