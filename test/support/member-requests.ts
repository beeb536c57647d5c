// The member-management operations as the SPA sends them (members*.test.ts and audit tests).

/** What {@link TENANT_MEMBERS} answers. */
export interface TenantMembersView {
  tenantMembers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; userId: string; role: string; user: { id: string; email: string } } }[];
  };
}

/** What the member mutations answer. */
export interface MemberView {
  userId: string;
  role: string;
  user: { email: string };
}

export const TENANT_MEMBERS = `query($first: Int, $after: String, $filter: TenantMemberFilter) {
  tenantMembers(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id userId role user { id email } } }
  }
}`;
const MEMBER = 'userId role user { email }';
export const ADD_MEMBER = `mutation($email: String!, $role: MembershipRole!) { addTenantMember(input: { email: $email, role: $role }) { ${MEMBER} } }`;
export const SET_ROLE = `mutation($userId: ID!, $role: MembershipRole!) { setMemberRole(userId: $userId, role: $role) { ${MEMBER} } }`;
export const REMOVE_MEMBER = `mutation($userId: ID!) { removeTenantMember(userId: $userId) { ${MEMBER} } }`;
