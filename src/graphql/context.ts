import { randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { type AccessTokens } from '../auth/access-tokens.js';
import { type FleetAdminService } from '../admin/fleet-admin.service.js';
import { type MigrationAdminService } from '../admin/migration-admin.service.js';
import { type AuthService } from '../auth/auth.service.js';
import { type MembershipChecker } from '../auth/membership-checker.js';
import { type Principal } from '../auth/principal.js';
import { type AuditLog } from '../control/audit-log.js';
import { type ControlClient } from '../control/control-client.js';
import { AppError, ErrorCode, httpStatusOf, unauthenticated } from '../errors/app-error.js';
import { type RequestRateLimits } from '../limits/request-limits.js';
import { type MemberService } from '../modules/members/member.service.js';
import { type TenantAccess } from '../tenancy/tenant-connections.js';
import { type TenantDb } from '../tenancy/tenant-scope.js';
import { RequestLoaders } from './loaders.js';

/** App-wide services resolvers call into. */
export interface AppServices {
  auth: AuthService;
  members: MemberService;
  /** The platform admin's fleet operations. */
  admin: FleetAdminService;
  /** The platform admin's view of fleet migrations (run ledger, drift report). */
  migrations: MigrationAdminService;
  /** Where admin calls, and refused attempts at them, are recorded. */
  audit: AuditLog;
}

/** Everything a resolver may use; built once per request and never mutated by resolvers. */
export interface RequestContext {
  requestId: string;
  /** The caller's network address (see {@link ClientRequest.clientAddress}). */
  clientAddress: string;
  principal: Principal | null;
  /**
   * Why the request's access token was refused. Public operations (login, refresh) still run, so
   * a client that sends its expired token along with `refresh` can recover; protected fields
   * fail with this error and HTTP 401.
   */
  credentialError: AppError | null;
  control: ControlClient;
  services: AppServices;
  loaders: RequestLoaders;
  /** The requesting tenant's scoped client, acquired on first use and held until `release`. */
  tenantDb(): Promise<TenantDb>;
  /** Same as `tenantDb`, refusing with TENANT_READ_ONLY while the tenant is read-only. */
  tenantWriteDb(): Promise<TenantDb>;
  release(): void;
}

/** What the context factory needs; injected by `createApp`. */
export interface ContextDependencies {
  control: ControlClient;
  accessTokens: AccessTokens;
  memberships: MembershipChecker;
  tenants: TenantAccess;
  services: AppServices;
  /** Counts each authenticated request against its user's and its tenant's limits. */
  requestLimits: RequestRateLimits;
}

/** What the context factory reads of an HTTP request. */
export interface ClientRequest {
  headers: IncomingHttpHeaders;
  /** The caller's address: the socket's peer, or the first X-Forwarded-For hop when TRUST_PROXY is set. */
  clientAddress: string;
}

const TENANT_HEADERS = ['x-tenant-id', 'x-tenant-slug'] as const;

/** Context-time failures abort the request with the code's HTTP status (401 for bad tokens). */
function contextError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { ...error.details, code: error.code, http: { status: httpStatusOf[error.code], ...(error.extensions.http as object | undefined) } },
  });
}

function bearerToken(headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization;
  if (!header) {
    return null;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw unauthenticated('the Authorization header must be "Bearer <access token>"');
  }
  return match[1];
}

/**
 * Builds the per-request context: verifies the access token, confirms the membership, and refuses a
 * request whose tenant header names another tenant than the token. No tenant client is built here;
 * the token's tenant route is looked up while the membership is checked.
 */
export function createContextFactory(deps: ContextDependencies) {
  async function authenticate(headers: IncomingHttpHeaders): Promise<{ principal: Principal | null; credentialError: AppError | null }> {
    const token = bearerToken(headers);
    if (!token) {
      return { principal: null, credentialError: null };
    }
    let verified: Principal;
    try {
      verified = await deps.accessTokens.verify(token);
    } catch (error) {
      return { principal: null, credentialError: error as AppError };
    }
    deps.tenants.prefetchRoute(verified.tenantId);
    const principal = await deps.memberships.confirm(verified);
    for (const name of TENANT_HEADERS) {
      const claimed = headers[name];
      if (claimed === undefined) {
        continue;
      }
      const route = await deps.tenants.route(principal.tenantId);
      const own = name === 'x-tenant-id' ? route.tenantId : route.slug;
      if (claimed !== own) {
        throw new AppError(ErrorCode.FORBIDDEN, `${name} names another tenant than your access token; use switchTenant`);
      }
    }
    return { principal, credentialError: null };
  }

  return async ({ headers, clientAddress }: ClientRequest): Promise<RequestContext> => {
    let authentication: Awaited<ReturnType<typeof authenticate>>;
    try {
      authentication = await authenticate(headers);
      if (authentication.principal) {
        await deps.requestLimits.consume(authentication.principal);
      }
    } catch (error) {
      throw error instanceof AppError ? contextError(error) : error;
    }
    const { principal, credentialError } = authentication;
    let acquired: ReturnType<TenantAccess['acquire']> | undefined;
    const acquire = () => {
      if (!principal) {
        return Promise.reject(new AppError(ErrorCode.UNAUTHENTICATED, 'sign in first'));
      }
      acquired ??= deps.tenants.acquire(principal.tenantId);
      return acquired;
    };
    return {
      requestId: randomUUID(),
      clientAddress,
      principal,
      credentialError,
      control: deps.control,
      services: deps.services,
      loaders: new RequestLoaders(),
      tenantDb: async () => (await acquire()).lease.db,
      async tenantWriteDb() {
        const { lease, readOnly } = await acquire();
        if (readOnly) {
          throw new AppError(ErrorCode.TENANT_READ_ONLY, 'this tenant is read-only right now (maintenance or a move in progress); try again later');
        }
        return lease.db;
      },
      release() {
        acquired?.then(({ lease }) => lease.release(), () => undefined);
      },
    };
  };
}
