import { createUnionType, Field, Float, ObjectType } from 'type-graphql';
import { AccountObject } from '../accounts/account.type.js';
import { ContactObject } from '../contacts/contact.type.js';
import { typeNameOf } from '../entity/typed-row.js';
import { EventObject } from '../events/event.type.js';
import { LeadObject } from '../leads/lead.type.js';
import { OpportunityObject } from '../opportunities/opportunity.type.js';

/** What the command palette can find. */
export const SearchResultUnion = createUnionType({
  name: 'SearchResult',
  description: 'A record found by `search`: an account, contact, lead, opportunity or event.',
  types: () => [AccountObject, ContactObject, LeadObject, OpportunityObject, EventObject] as const,
  resolveType: typeNameOf,
});

/** One ranked match. */
@ObjectType('SearchHit', { description: 'One match of `search`, best first.' })
export class SearchHit {
  @Field(() => SearchResultUnion, { description: 'The record found.' })
  node!: object;

  @Field(() => Float, { description: 'How well it matched, 0..1: whole field 1, start of the field 0.8, start of a word 0.6, inside a word 0.4. Equal scores list the closest match (trigram similarity) first.' })
  score!: number;

  @Field({ description: 'The text that matched, e.g. the name or the email.' })
  matched!: string;
}
