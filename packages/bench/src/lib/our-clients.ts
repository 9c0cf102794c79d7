// Loads our published clients through their package entry points (the built dist, as a user gets them) and checks
// that the documented API is there. The types below are the structural subset of the documented surface (issues 3
// and 4) that the benchmarks and smoke tests call; a package that does not export it yet is reported as pending.

/** The part of `createReoIngest(...)`'s result the benchmarks use. */
export interface ReoIngestLike {
  track(event: Record<string, unknown>): unknown;
  send(event: Record<string, unknown>): Promise<unknown>;
  flush(): Promise<unknown>;
  shutdown(options?: { timeoutMs?: number }): Promise<unknown>;
  stats(): { queued: number; sent: number; retried: number; failed: number; dropped: number };
}

export type CreateReoIngest = (options: Record<string, unknown>) => ReoIngestLike;

/** The part of `createReveneraClient(...)`'s result the benchmarks use (openapi-fetch's call shape). */
export interface ReveneraClientLike {
  login(): Promise<unknown>;
  logout(): Promise<unknown>;
  POST(path: string, init: Record<string, unknown>): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export type CreateReveneraClient = (options: Record<string, unknown>) => ReveneraClientLike;

export type Loaded<T> = { ok: true; value: T } | { ok: false; pending: string };

export async function loadCreateReoIngest(): Promise<Loaded<CreateReoIngest>> {
  return loadFunction<CreateReoIngest>("@org/reo-ingest", "createReoIngest");
}

export async function loadCreateReveneraClient(): Promise<Loaded<CreateReveneraClient>> {
  return loadFunction<CreateReveneraClient>("@org/revenera-client", "createReveneraClient");
}

/** Loads any named export of a package (for the export-row iterator, whose name is not fixed by the issue). */
export async function loadModule(name: string): Promise<Loaded<Record<string, unknown>>> {
  try {
    return { ok: true, value: (await import(name)) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, pending: `${name} cannot be imported (${firstLine(error)}); build it first (pnpm build)` };
  }
}

async function loadFunction<T>(name: string, exportName: string): Promise<Loaded<T>> {
  const module = await loadModule(name);
  if (!module.ok) {
    return module;
  }
  const value = module.value[exportName];
  if (typeof value !== "function") {
    return { ok: false, pending: `${name} does not export ${exportName}() yet` };
  }
  return { ok: true, value: value as T };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
