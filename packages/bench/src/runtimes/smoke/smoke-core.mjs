// The smoke test every runtime runs against the loopback mock: plain JavaScript with web APIs only, so that the same
// file runs in Node, Bun, Deno, a Workers isolate and a browser page. Each check records ok/failed with a detail.

const EVENT = {
  activity_type: "CALL_HOME",
  source: "TELEMETRY",
  ip_addr: "203.0.113.7",
  user_agent: "smoke/1.0",
};

/**
 * @param {{ core?: Record<string, any>, reo?: Record<string, any>, revenera?: Record<string, any> }} modules
 * @param {string} url the mock's base URL
 */
export async function smoke(modules, url) {
  /** @type {{ name: string, ok: boolean, detail: string }[]} */
  const checks = [];
  const check = async (name, fn) => {
    try {
      checks.push({ name, ok: true, detail: String((await fn()) ?? "") });
    } catch (error) {
      checks.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  const { core, reo, revenera } = modules;
  if (core) {
    await check("sdk-core: typed errors", () => {
      const error = new core.TimeoutError({ method: "GET", path: "/x" }, 5);
      if (!(error instanceof core.SdkError) || !(error instanceof Error)) {
        throw new Error("TimeoutError is not an SdkError");
      }
      return error.name;
    });
  }
  if (reo) {
    const options = { apiKey: "smoke-key", productId: "smokeCli", baseUrl: url, env: {} };
    await check("reo-ingest: send()", async () => {
      const client = reo.createReoIngest(options);
      const result = await client.send(EVENT);
      await client.shutdown({ timeoutMs: 2000 });
      if (!result.delivered) {
        throw new Error(`not delivered: ${JSON.stringify(result)}`);
      }
      return "delivered";
    });
    await check("reo-ingest: track() x5 + shutdown()", async () => {
      const client = reo.createReoIngest(options);
      for (let index = 0; index < 5; index += 1) {
        client.track({ ...EVENT, meta: { index } });
      }
      const report = await client.shutdown({ timeoutMs: 5000 });
      if (report.sent !== 5) {
        throw new Error(`sent ${report.sent} of 5: ${JSON.stringify(report)}`);
      }
      return "5 sent";
    });
    await check("reo-ingest: createRawReoClient() POST", async () => {
      const raw = reo.createRawReoClient({ apiKey: "smoke-key", baseUrl: url });
      const { response } = await raw.POST("/api/product/usage", {
        body: { payload: { ...EVENT, product_id: "smokeCli", event_id: "smoke-1", event_at: 1795000000 } },
      });
      if (response.status !== 200) {
        throw new Error(`HTTP ${response.status}`);
      }
      return "HTTP 200";
    });
    await check("reo-ingest: invalid event rejected at the call site", () => {
      const client = reo.createReoIngest(options);
      const result = client.track({ activity_type: "CALL_HOME", source: "TELEMETRY", user_agent: "x" });
      void client.shutdown({ timeoutMs: 100 });
      if (result.accepted !== false || result.reason !== "invalid") {
        throw new Error(`expected rejection, got ${JSON.stringify(result)}`);
      }
      return "rejected";
    });
  }
  if (revenera) {
    await check("revenera-client: login + report + logout", async () => {
      const client = revenera.createReveneraClient({
        baseUrl: url,
        userName: "smoke@example.com",
        password: "smoke-password",
        env: {},
      });
      const { data, error } = await client.POST("/v3/reporting/generic/dateRange/{product_id}", {
        params: { path: { product_id: "1234567890" } },
        body: { startDate: "2026-03-01", stopDate: "2026-03-31", dateSplit: "day", clientStatus: ["active"] },
      });
      if (error !== undefined) {
        throw new Error(`report failed: ${JSON.stringify(error)}`);
      }
      if (data?.status !== "SUCCESS") {
        throw new Error(`unexpected body ${JSON.stringify(data)}`);
      }
      await client.logout();
      return "report received with the session cookie";
    });
  }
  return checks;
}
