export { diffSpecs } from "./diff.js";
export { addEvidenceMarks, carryOverEvidence, evidenceMarks, isVendorDocument } from "./evidence.js";
export { renderReport } from "./report.js";
export { type Bump, bumpFor, CHANGE_RULES, type Change, type ChangeKind } from "./rules.js";
export { APIS, type ApiName, type UpdateOptions, type UpdateResult, updateSpec } from "./update.js";
