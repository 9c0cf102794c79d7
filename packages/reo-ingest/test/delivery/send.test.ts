import { describe, expect, it } from "vitest";
import { ApiError, ConnectionError, createReoIngest, RateLimitError, ServerError } from "../../src/index.js";

const event = { activity_type: "CALL_HOME", ip_addr: "203.0.113.7", user_agent: "u" };

/** A fetch that plays the given answers in order and records the bodies it was sent. */
function scripted(...answers: Array<() => Response>) {
  const bodies: string[] = [];
  const fetch = async (request: Request) => {
    bodies.push(await request.text());
    const answer = answers.shift();
    if (!answer) {
      throw new Error("no more answers");
    }
    return answer();
  };
  return { bodies, fetch };
}

const client = (fetch: (request: Request) => Promise<Response>, maxRetries = 3) =>
  createReoIngest({
    apiKey: "k",
    productId: "p",
    env: {},
    fetch,
    retry: { maxRetries, initialDelayMs: 1, maxDelayMs: 50 },
  });

describe("send()", () => {
  it("accepts response_code as a number or a string", async () => {
    const { fetch } = scripted(
      () => Response.json({ response_code: 200, response: "Data Uploaded", status: "success" }),
      () => Response.json({ response_code: "200", response: "Data Uploaded", status: "success" }),
    );
    const reo = client(fetch);
    expect(await reo.send(event)).toMatchObject({ delivered: true, response: { response_code: 200 } });
    expect(await reo.send(event)).toMatchObject({ delivered: true, response: { response_code: "200" } });
  });

  it("treats status: failure as a failure even with HTTP 200, using response_code as the status", async () => {
    const { fetch } = scripted(() =>
      Response.json({ response_code: "422", response: "Invalid Mode", status: "failure" }),
    );
    const error = await client(fetch)
      .send(event)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, body: { response: "Invalid Mode" } });
    expect((error as Error).message).toContain("Invalid Mode");
  });

  it("retries 5xx, 429 with Retry-After, and dropped connections with the same event_id", async () => {
    const { bodies, fetch } = scripted(
      () => new Response("oops", { status: 503 }),
      () => new Response("", { status: 429, headers: { "retry-after": "0.02" } }),
      () => {
        throw new TypeError("fetch failed");
      },
      () =>
        Response.json(
          { response_code: "200", response: "Data Uploaded", status: "success" },
          { headers: { "x-request-id": "r-9" } },
        ),
    );
    const reo = client(fetch);
    const result = await reo.send(event);
    expect(result).toMatchObject({ delivered: true, requestId: "r-9" });
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies).size).toBe(1);
    expect(reo.stats()).toMatchObject({ sent: 1, retried: 3, failed: 0 });
  });

  it("gives up after the retries with the last typed error", async () => {
    const unavailable = () => new Response("down", { status: 500, headers: { "x-request-id": "r-1" } });
    const { fetch } = scripted(unavailable, unavailable);
    const error = await client(fetch, 1)
      .send(event)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, body: "down", requestId: "r-1" });

    const limited = () => new Response("", { status: 429, headers: { "retry-after": "0" } });
    const rateLimited = await client(scripted(limited).fetch, 0)
      .send(event)
      .catch((caught: unknown) => caught);
    expect(rateLimited).toBeInstanceOf(RateLimitError);

    const refused = () => {
      throw new TypeError("fetch failed");
    };
    const unreachable = await client(scripted(refused).fetch, 0)
      .send(event)
      .catch((caught: unknown) => caught);
    expect(unreachable).toBeInstanceOf(ConnectionError);
  });

  it("does not retry a permanent 4xx", async () => {
    const { bodies, fetch } = scripted(() => new Response("{}", { status: 413 }));
    await expect(client(fetch).send(event)).rejects.toMatchObject({ status: 413 });
    expect(bodies).toHaveLength(1);
  });
});
