import { shapeChurnEngagement } from "./shapes/shape-churn-engagement.js";
import {
  shapeAdvancedEvents,
  shapeBasicDataTable,
  shapeBasicTimeline,
  shapeEventDataTable,
  shapeEventHistogram,
} from "./shapes/shape-events.js";
import { shapeGeneric } from "./shapes/shape-generic.js";
import { shapeHistogram, shapeUsageDistribution } from "./shapes/shape-histogram.js";
import type { ReportTable } from "./table.js";

/** One report family of the API, as `revenera report <kind>` knows it. */
export interface ReportKind {
  /** The CLI name, e.g. `date-range`. */
  name: string;
  /** The spec's operationId, whose request schema validates the body. */
  operationId: string;
  /** The API path template. */
  path: string;
  summary: string;
  /** Defaults for required fields the user did not give. */
  defaults: Record<string, unknown>;
  /** Turns the `result` member of the response into a table (and a chart). */
  shape: (result: unknown) => ReportTable;
}

const LOST = { daysUntilDeclaredLost: 30, dateReportedLost: "dateLastSeen" };

/** Every report family of the spec, by CLI name. */
export const REPORT_KINDS: readonly ReportKind[] = [
  {
    name: "date-range",
    operationId: "getDateRangeReport",
    path: "/v3/reporting/generic/dateRange/{product_id}",
    summary: "New, active and lost clients in a date range (--split, --segment-by)",
    defaults: { dateSplit: "day", clientStatus: ["new", "active"] },
    shape: shapeGeneric,
  },
  {
    name: "current",
    operationId: "getCurrentReport",
    path: "/v3/reporting/generic/current/{product_id}",
    summary: "Current state of the user base, optionally segmented",
    defaults: { clientStatus: ["active"] },
    shape: shapeGeneric,
  },
  {
    name: "usage-distribution",
    operationId: "getUsageDistribution",
    path: "/v3/reporting/engagement/usageDistribution/{product_id}",
    summary: "Histogram of active days, with session and runtime bins",
    defaults: {},
    shape: shapeUsageDistribution,
  },
  {
    name: "event-lifetime-histogram",
    operationId: "getLifetimeEventHistogram",
    path: "/v3/reporting/eventTracking/lifetime/histogram/{product_id}",
    summary: "How often events occur over the clients' lifetime (needs --event)",
    defaults: {},
    shape: shapeEventHistogram,
  },
  {
    name: "event-lifetime-table",
    operationId: "getLifetimeEventDataTable",
    path: "/v3/reporting/eventTracking/lifetime/dataTable/{product_id}",
    summary: "Every event over the clients' lifetime, with counts and per-user averages",
    defaults: {},
    shape: shapeEventDataTable,
  },
  {
    name: "event-basic-table",
    operationId: "getBasicEventDataTable",
    path: "/v3/reporting/eventTracking/basic/dataTable/{product_id}",
    summary: "Every event in a date range, with usage counts",
    defaults: {},
    shape: shapeBasicDataTable,
  },
  {
    name: "event-basic-timeline",
    operationId: "getBasicEventTimeline",
    path: "/v3/reporting/eventTracking/basic/timeline/{product_id}",
    summary: "Timeline of event usage counts (needs --event)",
    defaults: { dateSplit: "day", dataView: "usageCounts" },
    shape: shapeBasicTimeline,
  },
  {
    name: "event-advanced",
    operationId: "getAdvancedEventReport",
    path: "/v3/reporting/eventTracking/advanced/fullReport/{product_id}",
    summary: "Users, counts and averages of advanced-tracked events (needs --event)",
    defaults: {},
    shape: shapeAdvancedEvents,
  },
  {
    name: "churn-engagement",
    operationId: "getChurnAndEngagement",
    path: "/v3/reporting/engagement/churnAndEngagement/{product_id}",
    summary: "Installations still engaged or lost after each period of their lifetime",
    defaults: { daysUntilDeclaredLost: 30, dateSplit: "month" },
    shape: shapeChurnEngagement,
  },
  {
    name: "churn-days",
    operationId: "getChurnDaysHistogram",
    path: "/v3/reporting/churn/histogram/days/{product_id}",
    summary: "Lost clients by number of active days",
    defaults: LOST,
    shape: shapeHistogram,
  },
  {
    name: "churn-runtime",
    operationId: "getChurnRuntimeHistogram",
    path: "/v3/reporting/churn/histogram/runtime/{product_id}",
    summary: "Lost clients by total runtime",
    defaults: LOST,
    shape: shapeHistogram,
  },
  {
    name: "churn-sessions",
    operationId: "getChurnSessionsHistogram",
    path: "/v3/reporting/churn/histogram/sessions/{product_id}",
    summary: "Lost clients by number of sessions",
    defaults: LOST,
    shape: shapeHistogram,
  },
  {
    name: "churn-event-table",
    operationId: "getChurnLifetimeEventDataTable",
    path: "/v3/reporting/eventTracking/churn/lifetime/dataTable/{product_id}",
    summary: "Events lost clients performed before they were lost",
    defaults: LOST,
    shape: shapeEventDataTable,
  },
  {
    name: "churn-event-histogram",
    operationId: "getChurnLifetimeEventHistogram",
    path: "/v3/reporting/eventTracking/churn/lifetime/histogram/{product_id}",
    summary: "How often lost clients performed events (needs --event)",
    defaults: LOST,
    shape: shapeEventHistogram,
  },
];

/** The kind with this CLI name, or `undefined`. */
export function findKind(name: string): ReportKind | undefined {
  return REPORT_KINDS.find((kind) => kind.name === name);
}
