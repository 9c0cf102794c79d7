#!/usr/bin/env node
// The `reo-ingest` command (Node only). See `reo-ingest --help`.
import process from "node:process";
import { sendCommand } from "./cli/send-command.js";

process.exitCode = await sendCommand(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
