import { type MembershipRole } from '../generated/control/enums.js';

/** Who is asking, for which tenant, with which role; built from a verified access token. */
export interface Principal {
  userId: string;
  tenantId: string;
  role: MembershipRole;
  isPlatformAdmin: boolean;
}

/** Roles from least to most privileged; an access rule names the least role it accepts. */
export const ROLE_RANK: Record<MembershipRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };
