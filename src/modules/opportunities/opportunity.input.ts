import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { OpportunityStage } from '../../generated/tenant/enums.js';
import { AmountField, CurrencyField, DateField, EnumField, IntField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { AmountRange, DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { OPPORTUNITY_FIELDS } from './opportunity.fields.js';

export enum OpportunityOrderField {
  NAME = 'name',
  AMOUNT = 'amount',
  STAGE = 'stage',
  EXPECTED_CLOSE_DATE = 'expectedCloseDate',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(OpportunityOrderField, { name: 'OpportunityOrderField', description: 'Fields opportunities can be sorted by.' });

@InputType({ description: 'How to sort opportunities.' })
export class OpportunityOrder extends OrderInput(OpportunityOrderField) {}

@InputType({ description: 'Conditions on opportunities; all given ones must hold.' })
export class OpportunityFilter {
  @OptionalText(200, { description: 'Case-insensitive match on the name.' })
  search?: string | null;

  @EnumField(OpportunityStage, { description: 'Only deals in this stage.' })
  stage?: OpportunityStage | null;

  @OptionalId({ description: 'Only the opportunities of this account.' })
  accountId?: string | null;

  @OptionalId({ description: 'Only the opportunities that came from this lead.' })
  leadId?: string | null;

  @OptionalId({ description: 'Only opportunities owned by this user.' })
  ownerId?: string | null;

  @Field(() => AmountRange, { nullable: true, description: 'Only deals whose amount lies in this range.' })
  amount?: AmountRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only deals expected to close in this range.' })
  expectedClose?: DateRange | null;
}

@ArgsType()
export class OpportunitiesArgs extends ListArgsOf(OpportunityFilter, OpportunityOrder, 'name ascending') {}

@InputType()
class OpportunityFields {
  @OptionalId({ description: OPPORTUNITY_FIELDS.leadId })
  leadId?: string | null;

  @EnumField(OpportunityStage, { description: `${OPPORTUNITY_FIELDS.stage} Default PROSPECTING.` })
  stage?: OpportunityStage | null;

  @CurrencyField({ description: `${OPPORTUNITY_FIELDS.currency} Default "USD".` })
  currency?: string | null;

  @IntField(0, 100, { description: `${OPPORTUNITY_FIELDS.probability} Default 10.` })
  probability?: number | null;

  @DateField({ description: OPPORTUNITY_FIELDS.expectedCloseDate })
  expectedCloseDate?: Date | null;

  @OptionalId({ description: `${OPPORTUNITY_FIELDS.ownerId} The owner must be a member of this tenant.` })
  ownerId?: string | null;
}

@InputType({ description: 'A new opportunity.' })
export class CreateOpportunityInput extends OpportunityFields {
  @RequiredId({ description: OPPORTUNITY_FIELDS.accountId })
  accountId!: string;

  @RequiredName(200, { description: OPPORTUNITY_FIELDS.name })
  name!: string;

  @AmountField({ nullable: false, description: OPPORTUNITY_FIELDS.amount })
  amount!: string;
}

@InputType({ description: 'Changes to an opportunity: omitted fields are kept, null clears an optional one.' })
export class UpdateOpportunityInput extends OpportunityFields {
  @OptionalId({ description: `${OPPORTUNITY_FIELDS.accountId} Change it to move the deal to another account.` })
  accountId?: string | null;

  @OptionalName(200, { description: OPPORTUNITY_FIELDS.name })
  name?: string | null;

  @AmountField({ description: OPPORTUNITY_FIELDS.amount })
  amount?: string | null;
}
