import { type AuthChecker } from 'type-graphql';
import { ROLE_RANK } from '../auth/principal.js';
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

/**
 * type-graphql's auth checker: anonymous callers get UNAUTHENTICATED (the reason their token was
 * refused, if they sent one), authenticated callers whose
 * role is below the rule get FORBIDDEN naming the role needed.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context, info }, rules) => {
  const principal = context.principal;
  if (!principal) {
    throw context.credentialError ?? unauthenticated('sign in first: send an access token as "Authorization: Bearer <token>"');
  }
  const rule = rules[0];
  if (!rule) {
    return true;
  }
  if (rule === Access.PLATFORM_ADMIN) {
    if (principal.isPlatformAdmin) {
      return true;
    }
    // Every admin call is audited, refused ones too; the write never fails the request.
    void context.services.audit.record({
      actorUserId: principal.userId,
      tenantId: principal.tenantId,
      operation: `admin.${info.fieldName}`,
      outcome: 'DENIED',
    });
    throw new AppError(ErrorCode.FORBIDDEN, 'this operation is for platform administrators');
  }
  if (ROLE_RANK[principal.role] >= ROLE_RANK[rule as MembershipRole]) {
    return true;
  }
  throw new AppError(ErrorCode.FORBIDDEN, `this operation needs the ${rule} role or higher in this tenant`);
};
