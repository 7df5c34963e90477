/**
 * The JSON error body every failing `/api` response carries (DESIGN.md, "Edges").
 *
 * @example
 * { "error": { "code": "validation_failed", "message": "Invalid request body",
 *              "details": [{ "path": "title", "message": "Too big: expected string to have <=200 characters" }] } }
 */
export interface ApiErrorDetail {
  /** Dotted path of the offending field, e.g. `to.0.email`, `query.limit`. */
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: ApiErrorDetail[];
  };
}
