const MAX_DETAIL = 200;

/**
 * A short, human-readable summary of an error body for an error message: the `message`, `reason`, `error` or
 * `detail` member of a JSON object, the `<title>` of an HTML page, or the start of a plain text.
 */
export function errorDetail(body: unknown): string | undefined {
  if (typeof body === "string") {
    const text = body.trim();
    if (!text) {
      return undefined;
    }
    if (/^<(!doctype|html)/i.test(text)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
      return title ? `HTML page "${truncate(title)}"` : "HTML page";
    }
    return truncate(text.replace(/\s+/g, " "));
  }
  if (body !== null && typeof body === "object") {
    const record = body as Record<string, unknown>;
    for (const key of ["message", "reason", "error", "detail", "title"]) {
      const value = record[key];
      if (typeof value === "string" && value.trim()) {
        return truncate(value.trim());
      }
    }
  }
  return undefined;
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}
