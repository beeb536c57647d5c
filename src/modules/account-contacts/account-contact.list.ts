import { Field, InputType, registerEnumType } from 'type-graphql';
import { OptionalText } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { whereOn } from '../entity/entity-inputs.js';
import { type EntityList } from '../entity/relation-fields.js';
import { AccountContactConnection } from './account-contact.type.js';

export enum AccountContactOrderField {
  CREATED_AT = 'createdAt',
}
registerEnumType(AccountContactOrderField, { name: 'AccountContactOrderField', description: 'Fields links can be sorted by.' });

@InputType({ description: 'How to sort links between accounts and contacts.' })
export class AccountContactOrder extends OrderInput(AccountContactOrderField) {}

@InputType({ description: 'Conditions on links between accounts and contacts; all given ones must hold.' })
export class AccountContactFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only the primary link (true) or only the others (false).' })
  isPrimary?: boolean | null;

  @OptionalText(100, { description: 'Case-insensitive match on the role.' })
  role?: string | null;
}

const links = whereOn('accountContact');

/** The links of an account or a contact as their relation connections list them, oldest first. */
export const accountContactList: EntityList<AccountContactFilter> = {
  definition: {
    defaultOrder: AccountContactOrderField.CREATED_AT,
    where: (filter) => links.all(links.equals('isPrimary', filter.isPrimary), links.search(filter.role, ['role'])),
  },
  connection: AccountContactConnection,
  filter: AccountContactFilter,
  order: AccountContactOrder,
};
