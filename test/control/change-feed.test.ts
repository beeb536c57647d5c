import { parseChange } from '../../src/control/change-feed.js';
import { isControlPlaneUnreachable } from '../../src/control/control-plane-outage.js';

test('a notification payload becomes a change only when it is one this version knows', () => {
  expect(parseChange('{"kind":"tenant","tenantId":"t1"}')).toEqual({ kind: 'tenant', tenantId: 't1' });
  expect(parseChange('{"kind":"datasource","datasourceId":"d1","reconnect":true}')).toEqual({ kind: 'datasource', datasourceId: 'd1', reconnect: true });
  expect(parseChange('{"kind":"membership","userId":"u1","tenantId":"t1"}')).toEqual({ kind: 'membership', userId: 'u1', tenantId: 't1' });
  expect(parseChange('{"kind":"tenant"}')).toBeNull();
  expect(parseChange('{"kind":"something-newer","id":"x"}')).toBeNull();
  expect(parseChange('not json')).toBeNull();
  expect(parseChange(undefined)).toBeNull();
});

/** What Prisma 7 with @prisma/adapter-pg throws when Postgres refuses or drops the session (seen on PostgreSQL 18). */
function prismaDriverError(code: string, severity: string, message: string): Error {
  return Object.assign(new Error(`Raw query failed. Code: \`${code}\`. Message: \`${message}\``), {
    name: 'PrismaClientKnownRequestError',
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: code, kind: 'postgres', code, severity, message } } },
  });
}

test('errors of an unreachable control plane are told apart from failing queries', () => {
  expect(isControlPlaneUnreachable(prismaDriverError('55000', 'FATAL', 'database "cp" is not currently accepting connections'))).toBe(true);
  expect(isControlPlaneUnreachable(prismaDriverError('57P01', 'FATAL', 'terminating connection due to administrator command'))).toBe(true);
  expect(isControlPlaneUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
  expect(isControlPlaneUnreachable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  expect(isControlPlaneUnreachable(prismaDriverError('23505', 'ERROR', 'duplicate key value violates unique constraint'))).toBe(false);
  expect(isControlPlaneUnreachable(new Error('something else'))).toBe(false);
});
