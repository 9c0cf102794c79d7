/** One entry of Prism's `sl-violations` response header. */
export interface PrismViolation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/** Parses Prism's `sl-violations` header (absent: no violations). */
export function slViolations(response: Response): PrismViolation[] {
  const header = response.headers.get("sl-violations");
  return header ? (JSON.parse(header) as PrismViolation[]) : [];
}
