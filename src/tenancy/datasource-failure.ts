/**
 * SQLSTATE classes and codes that say the database itself is failing (unreachable, refusing us,
 * shutting down, out of resources, or too slow), as opposed to a statement the database rejected.
 * 55000 is "database is not currently accepting connections" (ALLOW_CONNECTIONS false); the
 * gateway's statements raise it for nothing else.
 */
const FAILING_SQLSTATE_CLASSES = ['08', '28', '53', '57P'];
const FAILING_SQLSTATES = new Set(['57014', '25P03', '3D000', '55000']);

/** Node's socket errors of a host that cannot be reached or dropped us. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** What `pg` says when a connection could not open in time, broke, or a statement got no answer. */
const PG_CONNECTION_MESSAGES = /^(Connection terminated|timeout expired|Query read timeout|Client has encountered a connection error)/;

/** `@prisma/adapter-pg`'s kinds of a database that cannot be reached or used (its `DriverAdapterError` cause). */
const FAILING_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'AuthenticationFailed',
  'TlsConnectionError',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

const SQLSTATE = /^[0-9A-Z]{5}$/;

function isFailingSqlState(code: string): boolean {
  return SQLSTATE.test(code) && (FAILING_SQLSTATES.has(code) || FAILING_SQLSTATE_CLASSES.some((prefix) => code.startsWith(prefix)));
}

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: { kind?: unknown; code?: unknown; originalCode?: unknown };
}

/**
 * True when `error`, thrown while opening a tenant datasource or running one of its statements,
 * means the datasource is failing: these count towards its circuit breaker and reach the client as
 * TENANT_UNAVAILABLE. A constraint violation, a bad value or the gateway's own connection budget
 * being full are not the database's fault and count for nothing.
 */
export function isDatasourceFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { name, code, message, cause } = error as ErrorShape;
  if (name === 'DriverAdapterError' && cause) {
    if (typeof cause.kind === 'string' && FAILING_ADAPTER_KINDS.has(cause.kind)) {
      return true;
    }
    const sqlState = cause.originalCode ?? cause.code;
    return typeof sqlState === 'string' && isFailingSqlState(sqlState);
  }
  if (name === 'AppError') {
    return false;
  }
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || isFailingSqlState(code))) {
    return true;
  }
  return typeof message === 'string' && PG_CONNECTION_MESSAGES.test(message);
}
