import { type RequestContext } from '../../graphql/context.js';
import { userLoader } from './user.loader.js';
import { type UserType } from './user.type.js';

/** Resolves a user reference (owner, assignee, author) through the request's batched loader. */
export function loadUser(context: RequestContext, userId: string | null): Promise<UserType | null> | null {
  return userId ? userLoader(context).load(userId) : null;
}
