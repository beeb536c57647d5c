import { Arg, Authorized, Int, Query, Resolver } from 'type-graphql';
import { Access } from '../../graphql/access.js';
import { type Principal } from '../../auth/principal.js';
import { CurrentPrincipal, TenantDb } from '../../graphql/decorators.js';
import { type TenantDb as Db } from '../../tenancy/tenant-scope.js';
import { search, SEARCH_MAX_RESULTS, SEARCH_MIN_LENGTH } from './search.service.js';
import { SearchHit } from './search.type.js';

@Resolver()
export class SearchResolver {
  @Authorized(Access.VIEWER)
  @Query(() => [SearchHit], {
    description: `Finds accounts, contacts, leads, opportunities and events whose name, company or email contains the text (at least ${SEARCH_MIN_LENGTH} characters), best matches first.`,
  })
  search(
    @Arg('text', { description: 'What to look for: 3 to 100 characters, matched case-insensitively anywhere in the names, companies and emails.' }) text: string,
    @Arg('first', () => Int, { defaultValue: 10, description: `How many matches, 1 to ${SEARCH_MAX_RESULTS}.` }) first: number,
    @TenantDb() db: Db,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SearchHit[]> {
    return search(db, principal.tenantId, text, first);
  }
}
