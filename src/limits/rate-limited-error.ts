import { AppError, ErrorCode } from '../errors/app-error.js';

/**
 * RATE_LIMITED with HTTP 429, a `Retry-After` header and `extensions.retryAfterSeconds`, so a SPA
 * or a mobile client can wait exactly as long as it must before trying again.
 */
export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.RATE_LIMITED, `${message}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds }, {
    httpStatus: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}
