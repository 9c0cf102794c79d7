export type Bump = "major" | "minor" | "patch";

/**
 * Every kind of change the comparison reports, with the release it calls for. The rule behind the table:
 * a change is breaking (major) when code written against the old types can stop compiling or working with the new
 * ones. Requests may accept more but not less; responses may gain fields and status codes, and fields may become
 * always present, but any other change to what a response can contain is breaking, because client code reads it:
 * a new enum value falls through an exhaustive `switch` (and fails its `never` check), and a removed one turns a
 * comparison with it into a type error.
 */
export const CHANGE_RULES = {
  "operation-added": { bump: "minor", label: "operation added" },
  "operation-removed": { bump: "major", label: "operation removed" },
  "operation-deprecated": { bump: "minor", label: "operation deprecated" },

  "parameter-added": { bump: "minor", label: "optional parameter added" },
  "required-parameter-added": { bump: "major", label: "required parameter added" },
  "parameter-removed": { bump: "major", label: "parameter removed" },
  "parameter-made-required": { bump: "major", label: "parameter made required" },
  "parameter-made-optional": { bump: "minor", label: "parameter made optional" },

  "request-body-added": { bump: "minor", label: "optional request body added" },
  "required-request-body-added": { bump: "major", label: "required request body added" },
  "request-body-removed": { bump: "major", label: "request body removed" },
  "request-body-made-required": { bump: "major", label: "request body made required" },
  "request-body-made-optional": { bump: "minor", label: "request body made optional" },
  "request-media-type-added": { bump: "minor", label: "request media type added" },
  "request-media-type-removed": { bump: "major", label: "request media type removed" },

  "request-field-added": { bump: "minor", label: "optional request field added" },
  "required-request-field-added": { bump: "major", label: "required request field added" },
  "request-field-removed": { bump: "major", label: "request field removed" },
  "request-field-made-required": { bump: "major", label: "request field made required" },
  "request-field-made-optional": { bump: "minor", label: "request field made optional" },
  "request-type-narrowed": { bump: "major", label: "request type narrowed" },
  "request-type-widened": { bump: "minor", label: "request type widened" },
  "request-enum-value-added": { bump: "minor", label: "request enum value added" },
  "request-enum-value-removed": { bump: "major", label: "request enum value removed" },
  "request-enum-introduced": { bump: "major", label: "request value restricted to an enum" },
  "request-enum-lifted": { bump: "minor", label: "request enum restriction lifted" },

  "response-added": { bump: "minor", label: "response status added" },
  "response-removed": { bump: "major", label: "response status removed" },
  "response-media-type-added": { bump: "minor", label: "response media type added" },
  "response-media-type-removed": { bump: "major", label: "response media type removed" },
  "response-field-added": { bump: "minor", label: "response field added" },
  "response-field-removed": { bump: "major", label: "response field removed" },
  "response-field-made-required": { bump: "minor", label: "response field now always present" },
  "response-field-made-optional": { bump: "major", label: "response field no longer always present" },
  "response-type-changed": { bump: "major", label: "response type changed" },
  "response-enum-value-added": { bump: "major", label: "response enum value added" },
  "response-enum-value-removed": { bump: "major", label: "response enum value removed" },
  "response-enum-introduced": { bump: "major", label: "response value restricted to an enum" },
  "response-enum-lifted": { bump: "major", label: "response enum restriction lifted" },

  "security-alternative-added": { bump: "minor", label: "security alternative added" },
  "security-changed": { bump: "major", label: "security requirement changed" },
  "security-scheme-changed": { bump: "major", label: "security scheme changed" },
} as const satisfies Record<string, { bump: Bump; label: string }>;

export type ChangeKind = keyof typeof CHANGE_RULES;

export interface Change {
  kind: ChangeKind;
  breaking: boolean;
  /** "POST /api/product/usage"; undefined for changes outside any operation (security scheme definitions). */
  operation: string | undefined;
  /** Where inside the operation, e.g. "request body payload.user_id_type" or "query parameter limit". */
  subject: string;
  /** `operation` and `subject` together. */
  location: string;
  message: string;
}

const BUMP_ORDER: readonly Bump[] = ["patch", "minor", "major"];

/**
 * The release a set of changes calls for. No change at all is still "patch": a new document without contract
 * changes can reword descriptions, which end up in the generated types' doc comments.
 */
export function bumpFor(changes: readonly Change[]): Bump {
  let bump: Bump = "patch";
  for (const change of changes) {
    const changeBump = CHANGE_RULES[change.kind].bump;
    if (BUMP_ORDER.indexOf(changeBump) > BUMP_ORDER.indexOf(bump)) {
      bump = changeBump;
    }
  }
  return bump;
}
