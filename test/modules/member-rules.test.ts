import { AppError } from '../../src/errors/app-error.js';
import { type MembershipRole } from '../../src/generated/control/enums.js';
import { assertKeepsAnOwner, assertMayChange, assertMayGrant, assertMayManageMembers } from '../../src/modules/members/member-rules.js';

// The role model as a table over every pair of roles; the HTTP suites prove it is applied.

const ROLES: MembershipRole[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];

function codeOf(check: () => void): string {
  try {
    check();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

test('only ADMINs and OWNERs manage members', () => {
  expect(ROLES.map((role) => codeOf(() => assertMayManageMembers(role)))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']);
});

test('a role up to your own may be given, none above it', () => {
  const table = ROLES.map((actor) => ROLES.map((role) => codeOf(() => assertMayGrant(actor, role))));
  expect(table).toEqual([
    ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'],
    ['ok', 'ok', 'ok', 'FORBIDDEN'],
    ['ok', 'ok', 'ok', 'ok'],
  ]);
});

test('members up to your own rank may be changed or removed, so an ADMIN cannot touch an OWNER', () => {
  expect(ROLES.map((target) => codeOf(() => assertMayChange('ADMIN', target)))).toEqual(['ok', 'ok', 'ok', 'FORBIDDEN']);
  expect(ROLES.map((target) => codeOf(() => assertMayChange('OWNER', target)))).toEqual(['ok', 'ok', 'ok', 'ok']);
});

test('the last OWNER is neither demoted nor removed; with two, either may be', () => {
  for (const newRole of [null, 'ADMIN', 'MEMBER', 'VIEWER'] as const) {
    expect(codeOf(() => assertKeepsAnOwner('OWNER', newRole, 1))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertKeepsAnOwner('OWNER', newRole, 2))).toBe('ok');
  }
  expect(codeOf(() => assertKeepsAnOwner('OWNER', 'OWNER', 1))).toBe('ok');
  expect(codeOf(() => assertKeepsAnOwner('ADMIN', null, 1))).toBe('ok');
});
