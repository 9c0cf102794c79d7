// Workers consumer (workerd via Miniflare): the Reo core entry and sdk-core, bundled for the edge.

import * as reo from "@org/reo-ingest";
import * as core from "@org/sdk-core";
import { smoke } from "./smoke-core.mjs";

export default {
  async fetch(_request, env) {
    return Response.json(await smoke({ core, reo }, env.MOCK_URL));
  },
};
