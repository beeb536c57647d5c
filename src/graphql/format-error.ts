import { unwrapResolverError } from '@apollo/server/errors';
import { type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { type Logger } from '../logging/logger.js';

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

/**
 * The one boundary where errors become responses: AppErrors keep their code and message, request
 * errors from Apollo pass through, Prisma's known errors are translated, and everything else is
 * masked as INTERNAL_SERVER_ERROR. Masked errors are logged by class and code only, never with
 * their message (which may hold SQL or a URL).
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    let appError: AppError | null = null;
    if (original instanceof AppError) {
      appError = original;
    } else if (original instanceof ArgumentValidationError) {
      appError = fromValidation(original);
    } else if (isPrismaKnownError(original)) {
      appError = fromPrisma(original);
    }
    if (appError) {
      return {
        message: appError.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...appError.details, code: appError.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && original === error) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error(
      { errorClass: original instanceof Error ? original.name : typeof original, code: (original as { code?: unknown })?.code, path: formatted.path },
      'unexpected error while resolving a request',
    );
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
