import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { OpportunityStage } from '../../generated/tenant/enums.js';
import { AmountField, CurrencyField, DateField, EnumField, IntField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { AmountRange, DateRange, ListArgsOf } from '../entity/entity-inputs.js';

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
  @OptionalId({ description: 'The lead the deal came from.' })
  leadId?: string | null;

  @EnumField(OpportunityStage, { description: 'Pipeline stage (default PROSPECTING).' })
  stage?: OpportunityStage | null;

  @CurrencyField()
  currency?: string | null;

  @IntField(0, 100, { description: 'Chance of winning in percent (default 10).' })
  probability?: number | null;

  @DateField({ description: 'When the deal is expected to close.' })
  expectedCloseDate?: Date | null;

  @OptionalId({ description: 'Owner: a member of this tenant.' })
  ownerId?: string | null;
}

@InputType({ description: 'A new opportunity.' })
export class CreateOpportunityInput extends OpportunityFields {
  @RequiredId({ description: 'The account the deal is with.' })
  accountId!: string;

  @RequiredName(200, { description: 'Name of the deal.' })
  name!: string;

  @AmountField({ nullable: false, description: 'Expected value of the deal.' })
  amount!: string;
}

@InputType({ description: 'Changes to an opportunity: omitted fields are kept, null clears an optional one.' })
export class UpdateOpportunityInput extends OpportunityFields {
  @OptionalId({ description: 'Move the deal to another account.' })
  accountId?: string | null;

  @OptionalName(200, { description: 'Name of the deal.' })
  name?: string | null;

  @AmountField({ description: 'Expected value of the deal.' })
  amount?: string | null;
}
