import { ROLE_RANK } from '../../auth/principal.js';
import { AppError, badInput, ErrorCode } from '../../errors/app-error.js';
import { type MembershipRole } from '../../generated/control/enums.js';

// The role model of member management, as pure checks so every mutation applies the same rules.
// Each takes the actor's live role (read inside the change's transaction), never the token's.

/** Managing members needs ADMIN or OWNER. */
export function assertMayManageMembers(actorRole: MembershipRole): void {
  if (ROLE_RANK[actorRole] < ROLE_RANK.ADMIN) {
    throw new AppError(ErrorCode.FORBIDDEN, `managing members needs the ADMIN role or higher; yours is ${actorRole}`);
  }
}

/** Nobody gives a role above their own, to anyone, themselves included. */
export function assertMayGrant(actorRole: MembershipRole, role: MembershipRole): void {
  if (ROLE_RANK[role] > ROLE_RANK[actorRole]) {
    throw new AppError(ErrorCode.FORBIDDEN, `role ${role} is above your own role ${actorRole}; you can give at most ${actorRole}`, { field: 'role' });
  }
}

/** A member ranked above the actor (an OWNER, for an ADMIN) is out of the actor's reach. */
export function assertMayChange(actorRole: MembershipRole, targetRole: MembershipRole): void {
  if (ROLE_RANK[targetRole] > ROLE_RANK[actorRole]) {
    throw new AppError(ErrorCode.FORBIDDEN, `userId names a member with role ${targetRole}; only an OWNER can change or remove an OWNER`, { field: 'userId' });
  }
}

/**
 * A tenant always keeps an OWNER: the last one can neither be demoted (`newRole` below OWNER) nor
 * removed (`newRole` null). `ownerCount` must be read under the tenant's member lock.
 */
export function assertKeepsAnOwner(targetRole: MembershipRole, newRole: MembershipRole | null, ownerCount: number): void {
  if (targetRole === 'OWNER' && newRole !== 'OWNER' && ownerCount <= 1) {
    const change = newRole ? 'demoted' : 'removed';
    throw badInput(`userId names the last OWNER of this tenant, who cannot be ${change}; make another member OWNER first`, 'userId');
  }
}
