// Two kinds of failure (docs/zstack-protocol.md#http-status-codes, docs/zstack-protocol.md#results-and-errorcode):
// - RestError: rejected by the REST layer itself, plain-text body (400/404/405/413/500), no job.
// - ApiError: the API failed; an ErrorCode in JSON, 503 (through the job for async APIs).

export interface ErrorCode {
  code?: string;
  description: string;
  details?: string;
}

export class RestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export class ApiError extends Error {
  readonly error: ErrorCode;
  constructor(error: ErrorCode) {
    super(error.details ?? error.description);
    this.error = error;
  }
}

const make =
  (code: string, description: string) =>
  (details: string): ApiError =>
    new ApiError({ code, description, details });

export const internalError = make('SYS.1000', 'An internal error happened in system');
export const resourceNotFound = make('SYS.1003', 'resource not found');
export const invalidArgument = make('SYS.1007', 'invalid argument');
export const authenticationError = make('ID.1000', 'authentication error');
export const invalidSession = make('ID.1001', 'invalid session');

/**
 * `invalid field[uuid], resource[uuid:<u>, type:<Resource>VO] not found`
 * (docs/zstack-protocol.md#unknown-resources-and-repeated-deletes).
 */
export function notFoundField(field: string, uuid: string, resource: string): ApiError {
  return resourceNotFound(`invalid field[${field}], resource[uuid:${uuid}, type:${resource}VO] not found`);
}
