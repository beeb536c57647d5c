import { type AuthChecker } from 'type-graphql';
import { type Principal, ROLE_RANK } from '../auth/principal.js';
import { AppError, ErrorCode, unauthenticated } from '../errors/app-error.js';
import { type MembershipRole } from '../generated/control/enums.js';
import { type RequestContext } from './context.js';

/** Access rules for `@Authorized(...)`: a tenant role (the least one accepted) or platform admin. */
export const Access = {
  VIEWER: 'VIEWER',
  MEMBER: 'MEMBER',
  ADMIN: 'ADMIN',
  OWNER: 'OWNER',
  PLATFORM_ADMIN: 'PLATFORM_ADMIN',
} as const;

const publicOperations = new Set<string>();

/**
 * Marks a query or mutation as open to anonymous callers (login, refresh). Every operation must
 * carry either this or `@Authorized`; a test walks the schema metadata to prove it.
 */
export function Public(): MethodDecorator {
  return (target, propertyKey) => {
    publicOperations.add(`${target.constructor.name}.${String(propertyKey)}`);
  };
}

/** Whether `Resolver.method` was declared public. */
export function isPublicOperation(resolverName: string, methodName: string): boolean {
  return publicOperations.has(`${resolverName}.${methodName}`);
}

function satisfies(principal: Principal, rule: string): boolean {
  if (rule === Access.PLATFORM_ADMIN) {
    return principal.isPlatformAdmin;
  }
  return ROLE_RANK[principal.role] >= ROLE_RANK[rule as MembershipRole];
}

/**
 * type-graphql's auth checker: anonymous callers get UNAUTHENTICATED (the reason their token was
 * refused, if they sent one); an authenticated caller passes when any one of the rules holds
 * (`@Authorized(Access.ADMIN, Access.PLATFORM_ADMIN)` admits either), else gets FORBIDDEN naming
 * what is needed.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context, info }, rules) => {
  const principal = context.principal;
  if (!principal) {
    throw context.credentialError ?? unauthenticated('sign in first: send an access token as "Authorization: Bearer <token>"');
  }
  if (rules.length === 0 || rules.some((rule) => satisfies(principal, rule))) {
    return true;
  }
  if (rules.includes(Access.PLATFORM_ADMIN)) {
    // Every admin call is audited, refused ones too; the write never fails the request.
    void context.services.audit.record({
      actorUserId: principal.userId,
      tenantId: principal.tenantId,
      operation: `admin.${info.fieldName}`,
      outcome: 'DENIED',
    });
  }
  const needed = rules.map((rule) => (rule === Access.PLATFORM_ADMIN ? 'a platform administrator' : `the ${rule} role or higher in this tenant`));
  throw new AppError(ErrorCode.FORBIDDEN, `this operation needs ${needed.join(', or ')}`);
};
