import { AppError, badInput, ErrorCode } from '../../errors/app-error.js';
import { type Membership, type User } from '../../generated/control/client.js';
import { type MembershipRole } from '../../generated/control/enums.js';
import { errorDetails } from '../migrations/migration-error.js';
import { type ControlWriter } from './datasource-registration.js';
import { assertMembershipRole, assertUuid, normalizeEmail } from './provisioning-input.js';

/** A user account to ensure exists. */
export interface UserUpsert {
  /** Lower-cased and trimmed before use; the account's identity. */
  email: string;
  /** 1–100 characters. */
  displayName: string;
  /** An already computed hash (see `src/auth/password-hasher.ts`); never a plain password. */
  passwordHash: string;
  /** Default: `false` for a new user; an existing user's flag changes only when this is given. */
  isPlatformAdmin?: boolean;
}

/** A membership to ensure exists. */
export interface MemberAddition {
  userId: string;
  tenantId: string;
  role: MembershipRole;
}

/**
 * Creates the user, or updates the display name (and the admin flag when given) of the user who
 * already has that email. The password hash of an existing user is kept: re-running a seed must
 * not reset a password someone has since changed, and hashes are salted, so they differ every run.
 */
export async function upsertUser(control: ControlWriter, input: UserUpsert): Promise<User> {
  const email = normalizeEmail(input.email);
  if (typeof input.displayName !== 'string' || input.displayName.trim().length === 0 || input.displayName.length > 100) {
    throw badInput('display name must be 1-100 characters and not blank', 'displayName');
  }
  if (typeof input.passwordHash !== 'string' || input.passwordHash.length === 0) {
    throw badInput('password hash must not be empty', 'passwordHash');
  }
  return control.user.upsert({
    where: { email },
    create: {
      email,
      displayName: input.displayName,
      passwordHash: input.passwordHash,
      isPlatformAdmin: input.isPlatformAdmin ?? false,
    },
    update: {
      displayName: input.displayName,
      ...(input.isPlatformAdmin === undefined ? {} : { isPlatformAdmin: input.isPlatformAdmin }),
    },
  });
}

/**
 * Gives a user a role in a tenant, or changes the role of an existing membership (one membership
 * per user and tenant).
 *
 * @throws AppError `BAD_USER_INPUT` for an invalid id or role, `NOT_FOUND` when the user or tenant
 *   does not exist.
 */
export async function addMember(control: ControlWriter, input: MemberAddition): Promise<Membership> {
  assertUuid(input.userId, 'userId');
  assertUuid(input.tenantId, 'tenantId');
  assertMembershipRole(input.role);
  const { userId, tenantId, role } = input;
  try {
    return await control.membership.upsert({
      where: { userId_tenantId: { userId, tenantId } },
      create: { userId, tenantId, role },
      update: { role },
    });
  } catch (error) {
    // P2003: a foreign key failed, i.e. the user or the tenant is gone; Prisma's message names SQL.
    if (errorDetails(error).code === 'P2003') {
      throw new AppError(ErrorCode.NOT_FOUND, `user ${userId} or tenant ${tenantId} was not found`, { userId, tenantId });
    }
    throw error;
  }
}
