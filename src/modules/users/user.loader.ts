import type DataLoader from 'dataloader';
import { type RequestContext } from '../../graphql/context.js';
import { indexByKey } from '../../graphql/loaders.js';
import { type UserType } from './user.type.js';

/**
 * Batches control-plane user lookups (owner, assignee, author) for one request. Only members of
 * the requesting tenant resolve, so a stray id never reveals another tenant's people.
 */
export function userLoader(context: RequestContext): DataLoader<string, UserType | null> {
  return context.loaders.get('users.byId', async (ids) => {
    const tenantId = context.principal?.tenantId;
    if (!tenantId) {
      return ids.map(() => null);
    }
    const users = await context.control.user.findMany({
      where: { id: { in: [...ids] }, memberships: { some: { tenantId } } },
      select: { id: true, email: true, displayName: true },
    });
    return indexByKey(ids, users, (user) => user.id);
  });
}
