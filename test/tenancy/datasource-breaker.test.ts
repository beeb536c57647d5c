import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { AppError, ErrorCode } from '../../src/errors/app-error.js';
import { DatasourceBreakers, type BreakerState } from '../../src/tenancy/datasource-breaker.js';
import { isDatasourceFailure } from '../../src/tenancy/datasource-failure.js';

const HALF_OPEN_MS = 50;

const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 });
const statementTimeout = new DriverAdapterError({ kind: 'postgres', code: '57014', severity: 'ERROR', message: 'canceling statement due to statement timeout', detail: undefined, column: undefined, hint: undefined, originalCode: '57014' });
const uniqueViolation = new DriverAdapterError({ kind: 'UniqueConstraintViolation', constraint: { fields: ['name'] }, originalCode: '23505' });

describe('isDatasourceFailure', () => {
  it.each([
    ['a refused connection', refused],
    ['a statement timeout', statementTimeout],
    ['a database refusing connections', new DriverAdapterError({ kind: 'postgres', code: '55000', severity: 'FATAL', message: 'not accepting connections', detail: undefined, column: undefined, hint: undefined, originalCode: '55000' })],
    ['an administrator ending the session', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['an unanswered statement', new Error('Query read timeout')],
    ['a wrong password', new DriverAdapterError({ kind: 'AuthenticationFailed', user: 'app' })],
  ])('counts %s', (_name, error) => {
    expect(isDatasourceFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', uniqueViolation],
    ['a foreign-key violation', Object.assign(new Error('violates foreign key constraint'), { code: '23503', severity: 'ERROR' })],
    ['the gateway\'s own budget being full', new AppError(ErrorCode.TENANT_UNAVAILABLE, 'no room')],
    ['a plain bug', new TypeError('x is undefined')],
    ['a non-error', 'boom'],
  ])('does not count %s', (_name, error) => {
    expect(isDatasourceFailure(error)).toBe(false);
  });
});

describe('DatasourceBreakers', () => {
  let transitions: [string, BreakerState][];
  let breakers: DatasourceBreakers;
  beforeEach(() => {
    transitions = [];
    breakers = new DatasourceBreakers({ failures: 2, halfOpenAfterMs: HALF_OPEN_MS }, (id, state) => transitions.push([id, state]));
  });

  const failing = (error: unknown) => () => Promise.reject(error);
  const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof AppError ? error.code : error));

  it('opens one datasource after consecutive failures, refuses it without calling, and leaves another alone', async () => {
    expect(await codeOf(breakers.run('a', failing(refused)))).toBe(ErrorCode.TENANT_UNAVAILABLE);
    expect(breakers.state('a')).toBe('closed');
    expect(await codeOf(breakers.run('a', failing(statementTimeout)))).toBe(ErrorCode.TENANT_UNAVAILABLE);
    expect(breakers.state('a')).toBe('open');

    let called = false;
    expect(await codeOf(breakers.run('a', async () => (called = true)))).toBe(ErrorCode.TENANT_UNAVAILABLE);
    expect(called).toBe(false);
    expect(await breakers.run('b', async () => 'served')).toBe('served');
    expect(breakers.state('b')).toBe('closed');
    expect(breakers.stats()).toEqual({ notClosed: 1, transitions: { open: 1, 'half-open': 0, closed: 0 }, rejected: 1 });
    expect(breakers.notClosed(20)).toEqual([{ datasourceId: 'a', state: 'open', failures: 2 }]);
    expect(transitions).toEqual([['a', 'open']]);
  });

  it('passes statement errors through unchanged and does not count them', async () => {
    await expect(breakers.run('a', failing(uniqueViolation))).rejects.toBe(uniqueViolation);
    await expect(breakers.run('a', failing(uniqueViolation))).rejects.toBe(uniqueViolation);
    await expect(breakers.run('a', failing(uniqueViolation))).rejects.toBe(uniqueViolation);
    expect(breakers.state('a')).toBe('closed');
  });

  it('lets one trial through after the half-open delay: success closes, failure opens again', async () => {
    await codeOf(breakers.run('a', failing(refused)));
    await codeOf(breakers.run('a', failing(refused)));
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS * 2));
    expect(await codeOf(breakers.run('a', failing(refused)))).toBe(ErrorCode.TENANT_UNAVAILABLE);
    expect(breakers.state('a')).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS * 2));
    expect(await breakers.run('a', async () => 'back')).toBe('back');
    expect(breakers.state('a')).toBe('closed');
    expect(transitions.map(([, state]) => state)).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('forgets a retired datasource only while its breaker is closed', async () => {
    await codeOf(breakers.run('a', failing(refused)));
    await codeOf(breakers.run('a', failing(refused)));
    await breakers.run('b', async () => 'ok');
    breakers.forget('a');
    breakers.forget('b');
    expect(breakers.state('a')).toBe('open');
    expect(breakers.notClosed(20).map((view) => view.datasourceId)).toEqual(['a']);
  });
});
