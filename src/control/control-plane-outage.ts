import { AppError, ErrorCode } from '../errors/app-error.js';

/** SQLSTATEs of a server that is gone, shutting down, refusing new sessions or out of them. */
const UNREACHABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '3D000']);
/** Socket errors of a server that cannot be reached at all. */
const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE']);
/** Prisma's codes for a database it cannot reach or get a connection from. */
const UNREACHABLE_PRISMA_CODES = new Set(['P1000', 'P1001', 'P1002', 'P1003', 'P1008', 'P1010', 'P1011', 'P1017', 'P2024', 'P2037']);
/** What `pg` says when a connection is closed under it or cannot be opened in time. */
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  severity?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

function looksUnreachable(error: ErrorShape): boolean {
  const code = typeof error.originalCode === 'string' ? error.originalCode : error.code;
  if (typeof code === 'string' && (UNREACHABLE_SQLSTATES.has(code) || code.startsWith('08') || UNREACHABLE_SOCKET_CODES.has(code))) {
    return true;
  }
  if (error.severity === 'FATAL' || error.kind === 'DatabaseNotReachable' || error.kind === 'SocketTimeout' || error.kind === 'TooManyConnections') {
    return true;
  }
  if (error.name === 'PrismaClientInitializationError') {
    return true;
  }
  if (error.name === 'PrismaClientKnownRequestError' && typeof error.code === 'string' && UNREACHABLE_PRISMA_CODES.has(error.code)) {
    return true;
  }
  return typeof error.message === 'string' && UNREACHABLE_MESSAGES.test(error.message);
}

/**
 * Whether an error from the control-plane client means the control plane could not be reached
 * (as opposed to a query that failed on a live server). Looks through Prisma's driver-adapter
 * wrapper and `cause` chains, where `pg`'s original error and its SQLSTATE are kept.
 */
export function isControlPlaneUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || seen.has(next)) {
      continue;
    }
    seen.add(next);
    const shape = next as ErrorShape;
    if (looksUnreachable(shape)) {
      return true;
    }
    pending.push(shape.cause, shape.meta?.driverAdapterError, shape.meta?.driverAdapterError?.cause);
  }
  return false;
}

/** The error a request gets while the control plane is down (HTTP 503, retryable). */
export function controlPlaneUnavailable(): AppError {
  return new AppError(ErrorCode.CONTROL_PLANE_UNAVAILABLE, 'the control plane is not reachable right now; try again shortly', undefined, { httpStatus: 503 });
}

/**
 * Runs a control-plane call and turns "cannot reach the control plane" into
 * CONTROL_PLANE_UNAVAILABLE, so login, refresh and the request path fail closed with a stable code
 * instead of a masked internal error. Any other error passes through unchanged.
 */
export async function failClosed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isControlPlaneUnreachable(error) ? controlPlaneUnavailable() : error;
  }
}
