/** Every machine-readable error code the API can answer with, and its HTTP status. */
export const ERRORS = {
  INVALID_PARAM: 400,
  INVALID_BODY: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  LATENT_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  MODEL_UNAVAILABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  LATENT_INCOMPATIBLE: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  INTERNAL: 500,
  NOT_IMPLEMENTED: 501,
  UPSTREAM_FAILED: 502,
  BUSY: 503,
  UPSTREAM_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** The one JSON error body both services answer with. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; param?: string };
}

/** An error a handler throws on purpose; the app's error handler turns it into an ErrorBody. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly param: string | undefined;
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string, param?: string, headers: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.param = param;
    this.headers = headers;
    this.status = ERRORS[code];
  }

  /** The JSON body for this error. */
  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.param ? { param: this.param } : {}) } };
  }

  /**
   * The first issue of a failed parse, naming the parameter it is about; `whole` names the input
   * when the issue is about all of it (e.g. "body").
   */
  static fromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], code: ErrorCode, whole = ''): ApiError {
    const issue = issues[0];
    const param = issue?.path.map(String).join('.') || undefined;
    const subject = param ?? whole;
    const message = issue ? (subject ? `${subject} ${issue.message}` : issue.message) : 'invalid input';
    return new ApiError(code, message, param);
  }
}

/**
 * The response for any error a handler threw: ApiErrors as themselves, anything else as a
 * logged 500 that leaks nothing. Both services' Hono onError handlers answer with this.
 */
export function errorResponse(err: unknown, service: string): Response {
  const api = err instanceof ApiError ? err : new ApiError('INTERNAL', 'internal error');
  if (!(err instanceof ApiError)) console.error(`${service}: unhandled`, err);
  const res = Response.json(api.body(), { status: api.status });
  for (const [k, v] of Object.entries(api.headers)) res.headers.set(k, v);
  return res;
}
