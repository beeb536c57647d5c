import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, CarriedAppError, ErrorCode } from '../errors/app-error.js';

/** Codes produced by Apollo and graphql-js themselves for malformed requests; passed through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode),
]);

interface PrismaLikeError {
  name: string;
  code: string;
  meta?: { target?: unknown; modelName?: string };
}

function isPrismaKnownError(error: unknown): error is PrismaLikeError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PrismaClientKnownRequestError' && typeof (error as { code?: unknown }).code === 'string';
}

/** Prisma's codes for a database that cannot be reached, refuses us, or has no connection left. */
const UNAVAILABLE_CODES = new Set(['P1000', 'P1001', 'P1003', 'P1008', 'P1010', 'P1011', 'P1017', 'P2024', 'P2037']);

function fromPrisma(error: PrismaLikeError): AppError | null {
  if (UNAVAILABLE_CODES.has(error.code)) {
    return new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the database is not available right now; try again shortly');
  }
  switch (error.code) {
    case 'P2025':
      return new AppError(ErrorCode.NOT_FOUND, 'the record was not found');
    case 'P2002':
      return new AppError(ErrorCode.BAD_USER_INPUT, 'a record with the same unique value already exists');
    case 'P2003':
      return new AppError(ErrorCode.BAD_USER_INPUT, 'the record is still referenced by other records, or references one that does not exist');
    default:
      return null;
  }
}

interface ValidationProblem {
  constraints?: Record<string, string>;
  children?: ValidationProblem[];
}

/** class-validator nests the problems of nested inputs (filter, orderBy) under `children`. */
function messagesOf(problems: ValidationProblem[]): string[] {
  return problems.flatMap((problem) => [...Object.values(problem.constraints ?? {}), ...messagesOf(problem.children ?? [])]);
}

function fromValidation(error: ArgumentValidationError): AppError {
  const problems = messagesOf(error.extensions.validationErrors);
  return new AppError(ErrorCode.BAD_USER_INPUT, `invalid input: ${problems.join('; ') || 'see the field rules'}`);
}

/** How the boundary treats an error: a client error, a request error from Apollo, or a fault. */
export type ErrorClass = { kind: 'client'; error: AppError } | { kind: 'request' } | { kind: 'fault'; original: unknown };

/**
 * Sorts a raw error (as Apollo hands it to formatError and to plugins): AppErrors and what maps to
 * them (validation, Prisma's known errors) are client errors; Apollo's own request errors pass
 * through; anything else is a fault, masked for the client and logged by the request logger.
 */
export function classifyError(error: unknown): ErrorClass {
  const original = unwrapResolverError(error);
  // An AppError thrown by a plugin hook (e.g. the query cost check) arrives wrapped without a path.
  const wrapped = original instanceof GraphQLError ? original.originalError : undefined;
  let appError: AppError | null = null;
  if (original instanceof AppError) {
    appError = original;
  } else if (wrapped instanceof AppError) {
    appError = wrapped;
  } else if (original instanceof CarriedAppError) {
    appError = original.appError;
  } else if (original instanceof ArgumentValidationError) {
    appError = fromValidation(original);
  } else if (isPrismaKnownError(original)) {
    appError = fromPrisma(original);
  }
  if (appError) {
    return { kind: 'client', error: appError };
  }
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && original === error) {
    return { kind: 'request' };
  }
  return { kind: 'fault', original };
}

/**
 * The one boundary where errors become responses: client errors keep their code and message,
 * request errors pass through without stack traces, and faults become INTERNAL_SERVER_ERROR with
 * a generic message (theirs may hold SQL or a URL).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const sorted = classifyError(error);
  switch (sorted.kind) {
    case 'client':
      return {
        message: sorted.error.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...sorted.error.details, code: sorted.error.code },
      };
    case 'request': {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    default:
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}
