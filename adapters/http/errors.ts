/** Why a request was refused before any route looked at it, as a stable code (logs and tests match on it). */
export enum HttpErrorCode {
  BodyTooLarge = 'http_body_too_large',
  BodyAborted = 'http_body_aborted',
  BodyNotAllowed = 'http_body_not_allowed',
}

const STATUS: Record<HttpErrorCode, number> = {
  [HttpErrorCode.BodyTooLarge]: 413,
  [HttpErrorCode.BodyAborted]: 400,
  [HttpErrorCode.BodyNotAllowed]: 413,
};

/** A request the server refuses with the status its code names; the connection is closed after the answer. */
export class HttpRequestError extends Error {
  override name = 'HttpRequestError';
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function isHttpRequestError(e: unknown): e is HttpRequestError {
  return e instanceof HttpRequestError;
}
