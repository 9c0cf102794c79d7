const MARKER = Symbol.for("org.sdk.error");

/**
 * Base class of every error thrown or returned by the `@org/*` SDKs.
 *
 * Use {@link SdkError.isInstance} rather than `instanceof` when two copies of the package may be loaded (ESM and
 * CJS, or two versions): it checks a global symbol marker instead of the prototype chain.
 */
export class SdkError extends Error {
  /** Marks SDK errors across package copies; read by {@link SdkError.isInstance}. */
  readonly [MARKER] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** True for any SDK error, even one created by another copy of this package. */
  static isInstance(value: unknown): value is SdkError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
