import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runCli, tempDir } from "../support/run-cli.js";

// Debian's chromium package (`apt-get install -y chromium`); scripts/test installs it when missing.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PRODUCT = "1234567890";
const out = tempDir();
let browser: Browser;

/** Renders an HTML report and returns what the chart drew: SVG shapes, and coloured pixels of its screenshot. */
async function renderChart(file: string) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(pathToFileURL(file).href);
  const chart = page.locator("#chart svg");
  const box = await chart.boundingBox();
  const shapes = await chart.evaluate((svg) => ({
    // Series lines: unfilled paths in a saturated colour (axes and grid lines are grey).
    lines: [...svg.querySelectorAll("path")].filter((p) => {
      const stroke = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(p.getAttribute("stroke") ?? "");
      const rgb = stroke ? stroke.slice(1).map((hex) => Number.parseInt(hex, 16)) : [];
      return p.getAttribute("fill") === "none" && rgb.length === 3 && Math.max(...rgb) - Math.min(...rgb) > 40;
    }).length,
    bars: [...svg.querySelectorAll("path")].filter((p) => {
      const { width, height } = p.getBBox();
      const fill = p.getAttribute("fill");
      return fill && fill !== "none" && fill !== "#fff" && width > 5 && height > 5;
    }).length,
  }));
  const png = await chart.screenshot();
  // Count pixels that are neither white nor grey (the chart's series colours), decoding the PNG in the browser.
  const coloured = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    if (!context) {
      return 0;
    }
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) {
        count++;
      }
    }
    return count;
  }, png.toString("base64"));
  await page.close();
  return { box, shapes, coloured };
}

describe("HTML chart rendered in headless Chromium", () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const config = tempDir();
    const env = { REVENERA_CONFIG_DIR: config, REVENERA_BASE_URL: inject("prismUrl"), REVENERA_PASSWORD: "x" };
    expect((await runCli(["login", "--user", "test@test.com"], env)).code).toBe(0);
    const reports = [
      ["date-range", "--from", "2026-03-01", "--to", "2026-03-03", "-o", join(out, "timeline.html")],
      ["churn-days", "--from", "2026-01-01", "--to", "2026-03-31", "-o", join(out, "histogram.html")],
    ];
    for (const [kind, ...args] of reports) {
      const run = await runCli(["report", kind ?? "", PRODUCT, "--format", "html", ...args], env);
      expect(run.code, run.stderr).toBe(0);
    }
  });
  afterAll(() => browser?.close());

  it("draws a timeline as lines", async () => {
    const { box, shapes, coloured } = await renderChart(join(out, "timeline.html"));
    expect(box?.width).toBeGreaterThan(800);
    expect(shapes.lines).toBe(2); // new and active
    expect(coloured).toBeGreaterThan(1000);
  });

  it("draws a histogram as bars", async () => {
    const { shapes, coloured } = await renderChart(join(out, "histogram.html"));
    expect(shapes.bars).toBeGreaterThanOrEqual(4); // four bins
    expect(coloured).toBeGreaterThan(5000);
  });
});
