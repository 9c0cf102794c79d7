import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { APIS, isApiName, updateSpec } from "./update.js";

const usage = `Usage: pnpm spec:update <${Object.keys(APIS).join("|")}> <new-document.yaml> [--dry-run] [--skip-contract-tests]

  --dry-run              validate, lint and print the report; change nothing
  --skip-contract-tests  leave out the Prism contract tests (run them later with \`pnpm --filter <package> test\`)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "dry-run": { type: "boolean", default: false },
    "skip-contract-tests": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
const [api, source] = positionals;
if (values.help || api === undefined || source === undefined || !isApiName(api) || positionals.length > 2) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

// pnpm runs root scripts from the repository root; INIT_CWD is where the maintainer typed the command.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();
const result = await updateSpec({
  api,
  source: path.resolve(invokedFrom, source),
  repoRoot: fileURLToPath(new URL("../../../", import.meta.url)),
  dryRun: values["dry-run"],
  skipContractTests: values["skip-contract-tests"],
});
process.exitCode = result.problems.length > 0 ? 1 : 0;
