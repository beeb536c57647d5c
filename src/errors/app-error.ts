/** The closed vocabulary of client-facing error codes (GraphQL `extensions.code`). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  TENANT_UNAVAILABLE = 'TENANT_UNAVAILABLE',
  TENANT_SCHEMA_OUTDATED = 'TENANT_SCHEMA_OUTDATED',
  TENANT_READ_ONLY = 'TENANT_READ_ONLY',
  RATE_LIMITED = 'RATE_LIMITED',
  /** An update or delete whose `expectedUpdatedAt` no longer matches the row (edited since). */
  CONFLICT = 'CONFLICT',
  /** The control plane (users, tenants, memberships) cannot be reached: login, refresh and uncached requests fail closed. */
  CONTROL_PLANE_UNAVAILABLE = 'CONTROL_PLANE_UNAVAILABLE',
  /** The request ran past REQUEST_TIMEOUT_MS; a mutation's outcome is unknown, so read before retrying it. */
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  /** The query may return more nodes, or cost more, than GRAPHQL_MAX_NODES / GRAPHQL_MAX_COST allow; refused before it ran. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
}

/** HTTP status that goes with a code when the error aborts the whole request. */
export const httpStatusOf: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.TENANT_UNAVAILABLE]: 503,
  [ErrorCode.TENANT_SCHEMA_OUTDATED]: 503,
  [ErrorCode.TENANT_READ_ONLY]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.CONTROL_PLANE_UNAVAILABLE]: 503,
  [ErrorCode.REQUEST_TIMEOUT]: 504,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
};

/**
 * An error meant for the client: its message is shown as is, so it must never carry a datasource
 * URL, SQL, a password or key material. Anything that is not an AppError is masked at the boundary.
 */
export class AppError extends Error {
  /** Read by graphql-js when it wraps this error; `http.status` sets the response status. */
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options: { httpStatus?: number; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    const http = {
      ...(options.httpStatus ? { status: options.httpStatus } : {}),
      ...(options.headers ? { headers: new Map(Object.entries(options.headers)) } : {}),
    };
    this.extensions = { code, ...(Object.keys(http).length > 0 ? { http } : {}) };
  }
}

/**
 * Carries an AppError thrown inside a driver adapter (a statement refused by a breaker, a connection
 * the budget could not find) through Prisma, which turns any error with a `code` into its own
 * PrismaClientKnownRequestError; this one has no `code`, so Prisma rethrows it as it is and the
 * error boundary answers with the AppError it carries.
 */
export class CarriedAppError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'CarriedAppError';
  }
}

/** A missing or invalid credential: UNAUTHENTICATED with HTTP 401, as Apollo recommends. */
export function unauthenticated(message: string, details?: Record<string, unknown>): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, message, details, { httpStatus: 401 });
}

/** Shorthand for the most common case: a row of this tenant that does not exist. */
export function notFound(entity: string, id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });
}

/** Shorthand for input the caller can fix. */
export function badInput(message: string, field?: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : undefined);
}
