import { GraphQLError } from 'graphql';
import { AppError, CarriedAppError, ErrorCode } from '../../src/errors/app-error.js';
import { formatError as format } from '../../src/graphql/format-error.js';

/** How graphql-js hands a resolver's error to Apollo: wrapped, with the original attached. */
function fromResolver(original: Error) {
  const wrapped = new GraphQLError(original.message, { path: ['field'], originalError: original });
  return format({ message: wrapped.message, path: ['field'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
}

function prismaError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'PrismaClientKnownRequestError', code });
}

test('an AppError keeps its code and message', () => {
  expect(fromResolver(new AppError(ErrorCode.NOT_FOUND, 'Account x was not found'))).toMatchObject({
    message: 'Account x was not found',
    extensions: { code: 'NOT_FOUND' },
  });
});

test('an AppError carried through Prisma from the driver adapter keeps its code and message', () => {
  const carried = new CarriedAppError(new AppError(ErrorCode.TENANT_UNAVAILABLE, 'the tenant database is failing'));
  expect(fromResolver(carried)).toMatchObject({ message: 'the tenant database is failing', extensions: { code: 'TENANT_UNAVAILABLE' } });
});

test.each([
  ['P2025', 'NOT_FOUND'],
  ['P2002', 'BAD_USER_INPUT'],
  ['P2003', 'BAD_USER_INPUT'],
  ['P1001', 'TENANT_UNAVAILABLE'],
  ['P2037', 'TENANT_UNAVAILABLE'],
  ['P2024', 'TENANT_UNAVAILABLE'],
])('Prisma %s becomes %s without its message', (code, expected) => {
  const secret = 'FATAL: sorry, too many clients already at postgresql://u:hunter2@db/tenant SELECT * FROM accounts';
  const formatted = fromResolver(prismaError(code, secret));
  expect(formatted.extensions?.code).toBe(expected);
  expect(JSON.stringify(formatted)).not.toMatch(/hunter2|SELECT|postgresql:/);
});

test('anything else is masked as INTERNAL_SERVER_ERROR with a generic message', () => {
  const formatted = fromResolver(new Error('connect ECONNREFUSED postgresql://u:hunter2@10.0.0.1/db'));
  expect(formatted).toEqual({ message: 'Internal server error', path: ['field'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
});
