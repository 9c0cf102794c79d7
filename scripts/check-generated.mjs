// Fails when the committed generated code differs from what the specs produce: regenerates everything (no cache),
// then asks git whether anything under a src/generated folder changed or appeared.
import { execFileSync } from "node:child_process";

execFileSync("pnpm", ["exec", "turbo", "run", "generate", "--force", "--output-logs=errors-only"], {
  stdio: "inherit",
});
const changed = execFileSync("git", ["status", "--porcelain", "--", "packages/*/src/generated"], { encoding: "utf8" });
if (changed.trim()) {
  console.error(`Generated code is out of date with specs/. Run \`pnpm generate\` and commit the result:\n${changed}`);
  process.exit(1);
}
console.log("generated code matches specs/");
