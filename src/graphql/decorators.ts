import { createParameterDecorator } from 'type-graphql';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { type RequestContext } from './context.js';

/** The verified caller; only on operations guarded by `@Authorized`, so it is never null there. */
export function CurrentPrincipal() {
  return createParameterDecorator<RequestContext>(({ context }) => {
    if (!context.principal) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'sign in first');
    }
    return context.principal;
  });
}

/** The requesting tenant's scoped client, for reads. */
export function TenantDb() {
  return createParameterDecorator<RequestContext>(({ context }) => context.tenantDb());
}

/** The requesting tenant's scoped client, for writes (refused while the tenant is read-only). */
export function TenantWriteDb() {
  return createParameterDecorator<RequestContext>(({ context }) => context.tenantWriteDb());
}
