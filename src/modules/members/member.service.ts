import { type MembershipChecker } from '../../auth/membership-checker.js';
import { type Principal } from '../../auth/principal.js';
import { type RefreshTokens } from '../../auth/refresh-tokens.js';
import { publishChanges } from '../../control/change-feed.js';
import { type ControlClient } from '../../control/control-client.js';
import { AppError, badInput, ErrorCode } from '../../errors/app-error.js';
import { type Prisma } from '../../generated/control/client.js';
import { type MembershipRole } from '../../generated/control/enums.js';
import { type Page } from '../../graphql/pagination/connection.js';
import { paginate } from '../../graphql/pagination/paginate.js';
import { assertKeepsAnOwner, assertMayChange, assertMayGrant, assertMayManageMembers } from './member-rules.js';
import { TenantMemberOrderField, type TenantMembersArgs } from './member.input.js';

type Tx = Prisma.TransactionClient;

const withUser = { user: { select: { id: true, email: true, displayName: true } } } as const;

/** A membership with its user's public fields, as `TenantMember` shows it. */
export type MemberRow = Prisma.MembershipGetPayload<{ include: typeof withUser }>;

/** A changed membership and the role it had before (null when it was just added). */
export interface MemberChange extends MemberRow {
  previousRole: MembershipRole | null;
}

function notAMember(userId: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `userId ${userId} is not a member of this tenant`, { field: 'userId' });
}

/**
 * Lists and changes the members of the caller's tenant on the control plane. Every change runs in
 * one transaction that first locks the tenant's row, so changes to one tenant's members are
 * serialized: two OWNERs demoting each other at once cannot both pass the last-owner check. The
 * change is published with the commit and the changed member's cached membership is forgotten, so
 * their next request to this process or any other replica sees the change.
 */
export class MemberService {
  constructor(
    private readonly control: ControlClient,
    private readonly memberships: MembershipChecker,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  /** A page of the tenant's members; counted only when `countTotal` (the client selected `totalCount`). */
  list(tenantId: string, args: TenantMembersArgs, countTotal: boolean): Promise<Page<MemberRow>> {
    const search = args.filter?.search;
    const where: Prisma.MembershipWhereInput = {
      tenantId,
      ...(args.filter?.role ? { role: args.filter.role } : {}),
      ...(search
        ? { user: { OR: [{ email: { contains: search, mode: 'insensitive' } }, { displayName: { contains: search, mode: 'insensitive' } }] } }
        : {}),
    };
    return paginate<MemberRow>({
      findMany: (query) => this.control.membership.findMany({ ...query, include: withUser }),
      count: (query) => this.control.membership.count(query),
      where,
      order: { field: args.orderBy?.field ?? TenantMemberOrderField.CREATED_AT, direction: args.orderBy?.direction ?? 'asc', nullable: false },
      first: args.first,
      after: args.after,
      countTotal,
    });
  }

  /** Adds a user who already has a tenantgate account, found by email. */
  add(actor: Principal, email: string, role: MembershipRole): Promise<MemberChange> {
    return this.change(actor, async (tx, actorRole) => {
      assertMayGrant(actorRole, role);
      const normalized = email.trim().toLowerCase();
      const user = await tx.user.findUnique({ where: { email: normalized }, select: { id: true } });
      if (!user) {
        throw new AppError(ErrorCode.NOT_FOUND, `no user has the email ${normalized}; they need a tenantgate account before they can be added`, { field: 'email' });
      }
      const existing = await tx.membership.findUnique({ where: { userId_tenantId: { userId: user.id, tenantId: actor.tenantId } } });
      if (existing) {
        throw badInput(`${normalized} is already a member of this tenant (role ${existing.role}); use setMemberRole to change the role`, 'email');
      }
      const created = await tx.membership.create({ data: { userId: user.id, tenantId: actor.tenantId, role }, include: withUser });
      return { ...created, previousRole: null };
    });
  }

  setRole(actor: Principal, userId: string, role: MembershipRole): Promise<MemberChange> {
    return this.change(actor, async (tx, actorRole) => {
      const target = await this.memberOf(tx, actor.tenantId, userId);
      assertMayChange(actorRole, target.role);
      assertMayGrant(actorRole, role);
      assertKeepsAnOwner(target.role, role, await this.ownerCount(tx, actor.tenantId));
      const updated = await tx.membership.update({ where: { id: target.id }, data: { role }, include: withUser });
      return { ...updated, previousRole: target.role };
    });
  }

  /** Removes a member and ends their sessions in this tenant; returns the membership as it was. */
  remove(actor: Principal, userId: string): Promise<MemberChange> {
    return this.change(actor, async (tx, actorRole) => {
      const target = await this.memberOf(tx, actor.tenantId, userId);
      assertMayChange(actorRole, target.role);
      assertKeepsAnOwner(target.role, null, await this.ownerCount(tx, actor.tenantId));
      const removed = await tx.membership.delete({ where: { id: target.id }, include: withUser });
      // Otherwise a refresh token kept from before would work again once the user is re-added.
      await this.refreshTokens.revokeAllFor(userId, actor.tenantId, 'membership-removed', tx);
      return { ...removed, previousRole: removed.role };
    });
  }

  /**
   * Runs one membership change under the tenant's member lock, checking the actor's live role
   * (it may have changed since their token's membership was confirmed), then forgets the cached
   * membership of the member it changed.
   */
  private async change(actor: Principal, apply: (tx: Tx, actorRole: MembershipRole) => Promise<MemberChange>): Promise<MemberChange> {
    const changed = await this.control.$transaction(async (tx) => {
      // NO KEY UPDATE serializes member changes of this tenant without blocking inserts that
      // only reference the tenant (they take KEY SHARE).
      await tx.$queryRaw`SELECT id FROM tenants WHERE id = ${actor.tenantId}::uuid FOR NO KEY UPDATE`;
      const own = await tx.membership.findUnique({ where: { userId_tenantId: { userId: actor.userId, tenantId: actor.tenantId } } });
      if (!own) {
        throw new AppError(ErrorCode.FORBIDDEN, 'you are no longer a member of this tenant');
      }
      assertMayManageMembers(own.role);
      const applied = await apply(tx, own.role);
      await publishChanges(tx, { kind: 'membership', userId: applied.userId, tenantId: actor.tenantId });
      return applied;
    });
    this.memberships.forget(changed.userId, actor.tenantId);
    return changed;
  }

  private async memberOf(tx: Tx, tenantId: string, userId: string) {
    const membership = await tx.membership.findUnique({ where: { userId_tenantId: { userId, tenantId } } });
    if (!membership) {
      throw notAMember(userId);
    }
    return membership;
  }

  private ownerCount(tx: Tx, tenantId: string): Promise<number> {
    return tx.membership.count({ where: { tenantId, role: 'OWNER' } });
  }
}
