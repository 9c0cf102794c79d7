import packageJson from "../../package.json" with { type: "json" };

/** The `RUI-Client` value this package sends unless told otherwise. */
export const CLIENT_NAME: string = packageJson.name;

/** The `RUI-Client-Version` value this package sends unless told otherwise: this package's version. */
export const CLIENT_VERSION: string = packageJson.version;

/** The `Origin` the API requires on every call. */
export const DEFAULT_ORIGIN = "https://analytics.revenera.com";

/** The production API. */
export const DEFAULT_BASE_URL = "https://analytics-api.revenera.com";
