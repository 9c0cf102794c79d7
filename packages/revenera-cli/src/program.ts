import { Command, Option } from "commander";
import { exportData } from "./commands/export.js";
import { login } from "./commands/login.js";
import { logout } from "./commands/logout.js";
import { products } from "./commands/products.js";
import { properties } from "./commands/properties.js";
import { FORMATS, report } from "./commands/report.js";
import { whoami } from "./commands/whoami.js";
import type { Context } from "./context.js";
import { cliLogger } from "./log/cli-logger.js";
import { REPORT_KINDS } from "./report/kinds.js";
import { configDir } from "./session/config-dir.js";

/** Global options, given before or after the command. */
interface GlobalOptions {
  configDir?: string;
  baseUrl?: string;
  json?: boolean;
  verbose?: boolean;
}

type Base = Omit<Context, "configDir" | "baseUrl" | "logger">;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Builds the `revenera` command tree; each action gets a {@link Context} made from the global options. */
export function buildProgram(base: Base, version: string): Command {
  const program = new Command("revenera")
    .description("Reports, charts and data exports from Revenera Usage Intelligence (Reporting API v3).")
    .version(version)
    .option(
      "--config-dir <dir>",
      "where the session is stored (default: $REVENERA_CONFIG_DIR, else $XDG_CONFIG_HOME/revenera or ~/.config/revenera)",
    )
    .option("--base-url <url>", "API root (default: $REVENERA_BASE_URL, else https://analytics-api.revenera.com)")
    .option("--json", "log as JSON lines on stderr, for machines")
    .option("--verbose", "log every request on stderr")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => base.stdout.write(text), writeErr: (text) => base.stderr.write(text) })
    .addHelpText(
      "after",
      `
Exit codes: 0 ok, 1 unexpected, 2 bad input (nothing sent), 3 not logged in / session ended / wrong credentials,
4 request refused by the API, 5 API or file host unreachable or failing, 6 export size check failed, 130 interrupted.

Examples:
  $ revenera login --user me@example.com          # asks for the password; stores the session, not the password
  $ revenera report date-range 1234567890 --from 2026-03-01 --to 2026-03-31
  $ revenera report date-range 1234567890 --from 2026-03-01 --to 2026-03-31 --format html -o march.html
  $ revenera export custom-events 1234567890 --out ./archive --ndjson`,
    );

  const context = (command: Command): Context => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    return {
      ...base,
      configDir: configDir(globals.configDir, base.env),
      baseUrl: globals.baseUrl ?? base.env.REVENERA_BASE_URL,
      logger: cliLogger(base.stderr, { json: globals.json === true, verbose: globals.verbose === true }),
    };
  };
  const formatOption = () =>
    new Option("-f, --format <format>", "output format").choices(["table", "json", "csv"]).default("table");

  program
    .command("login")
    .description("log in and store the session (owner-only file; the password is never stored)")
    .option("-u, --user <name>", "user name (default: $REVENERA_USERNAME, else a prompt)")
    .option("--password-stdin", "read the password from stdin (default: $REVENERA_PASSWORD, else a hidden prompt)")
    .addHelpText(
      "after",
      `
Examples:
  $ revenera login --user me@example.com
  $ printf '%s' "$PASSWORD" | revenera login --user me@example.com --password-stdin
  $ REVENERA_USERNAME=me@example.com REVENERA_PASSWORD=... revenera login`,
    )
    .action((options, command: Command) => login(context(command), options));

  program
    .command("logout")
    .description("end the session on the server and delete the session file")
    .addHelpText("after", "\nExample:\n  $ revenera logout")
    .action((_options, command: Command) => logout(context(command)));

  program
    .command("whoami")
    .description("show who is logged in, where, and the session file (sends nothing)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText("after", "\nExamples:\n  $ revenera whoami\n  $ revenera whoami --format json")
    .action((options, command: Command) => whoami(context(command), options));

  program
    .command("products")
    .description("list the products of the account, as the login answer gave them")
    .addOption(formatOption())
    .addHelpText("after", "\nExamples:\n  $ revenera products\n  $ revenera products --format json")
    .action((options, command: Command) => products(context(command), options));

  program
    .command("properties <product>")
    .description("list the properties a product's reports can be filtered and segmented by")
    .addOption(formatOption())
    .addHelpText(
      "after",
      "\nExamples:\n  $ revenera properties 1234567890\n  $ revenera properties 1234567890 --format csv > properties.csv",
    )
    .action((product: string, options, command: Command) => properties(context(command), product, options));

  const kinds = REPORT_KINDS.map((kind) => `  ${kind.name}\n      ${kind.summary}`).join("\n");
  program
    .command("report <kind> <product>")
    .description("run a report and print it as a table, JSON, CSV or an HTML chart")
    .addOption(new Option("-f, --format <format>", "output format").choices([...FORMATS]).default("table"))
    .option("-o, --output <file>", "write to a file instead of stdout")
    .option("-r, --request <file>", "request body from a JSON or YAML file (flags override its fields)")
    .option("--from <date>", "start date, YYYY-MM-DD")
    .option("--to <date>", "stop date, YYYY-MM-DD")
    .option("--split <split>", "date split: day, week, month or none")
    .option("--status <list>", "client statuses, comma-separated: new, active, lost")
    .option("--filter <filter>", "property=value, property=a,b or property~regex (repeatable)", collect)
    .option("--segment-by <property>", "segment by a property (e.g. prodVersion, geography.country)")
    .option("--limit <n>", "keep the top n segments")
    .option("--event <category/name>", "an event (repeatable)", collect)
    .option("--days-until-lost <days>", "days without activity before a client counts as lost")
    .option("--lost-date <which>", "dateLastSeen or dateDeclaredLost")
    .addHelpText(
      "after",
      `
Kinds:
${kinds}

The request is validated against the API's schema before anything is sent.

Examples:
  $ revenera report date-range 1234567890 --from 2026-03-01 --to 2026-03-31 --split week
  $ revenera report current 1234567890 --from 2026-03-01 --segment-by geography.country --limit 5
  $ revenera report churn-days 1234567890 --from 2026-01-01 --to 2026-03-31 --format html -o churn.html
  $ revenera report event-basic-timeline 1234567890 --from 2026-03-01 --to 2026-03-31 --event File/Open --format csv
  $ revenera report date-range 1234567890 --request q1.yaml --format json`,
    )
    .action((kind: string, product: string, options, command: Command) =>
      report(context(command), kind, product, options),
    );

  program
    .command("export <kind> <product>")
    .description("download raw-events, custom-events or exceptions files, or page through clients, into a folder")
    .option("-o, --out <dir>", "destination folder", ".")
    .option("--from <date>", "only files covering this day or later, YYYY-MM-DD")
    .option("--to <date>", "only files covering this day or earlier, YYYY-MM-DD")
    .option("--ndjson", "also convert the CSV inside each zip to NDJSON")
    .option("--include-open", "also download today's open (still growing) files")
    .option("--properties <list>", "clients: properties to export, comma-separated")
    .option("--no-progress", "no progress bar")
    .addHelpText(
      "after",
      `
Files already complete are skipped, interrupted downloads resume, and every file's size is checked against the
listing. Run the same command again after an interruption or a failed check.

Examples:
  $ revenera export custom-events 1234567890 --out ./archive
  $ revenera export raw-events 1234567890 --out ./raw --from 2026-03-01 --to 2026-03-31 --ndjson
  $ revenera export clients 1234567890 --out ./clients --properties prodVersion,geography.country`,
    )
    .action((kind: string, product: string, options, command: Command) =>
      exportData(context(command), kind, product, options),
    );

  return program;
}
