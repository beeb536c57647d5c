import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { ContractStatus } from '../../generated/tenant/enums.js';
import { AmountField, CurrencyField, DateField, EnumField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { AmountRange, DateRange, ListArgsOf } from '../entity/entity-inputs.js';
import { CONTRACT_FIELDS } from './contract.fields.js';

export enum ContractOrderField {
  NUMBER = 'number',
  VALUE = 'value',
  STARTS_ON = 'startsOn',
  ENDS_ON = 'endsOn',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(ContractOrderField, { name: 'ContractOrderField', description: 'Fields contracts can be sorted by.' });

@InputType({ description: 'How to sort contracts.' })
export class ContractOrder extends OrderInput(ContractOrderField) {}

@InputType({ description: 'Conditions on contracts; all given ones must hold.' })
export class ContractFilter {
  @OptionalText(100, { description: 'Case-insensitive match on the number.' })
  search?: string | null;

  @EnumField(ContractStatus, { description: 'Only contracts with this status.' })
  status?: ContractStatus | null;

  @OptionalId({ description: 'Only the contracts of this account.' })
  accountId?: string | null;

  @OptionalId({ description: 'Only the contracts made from this quote.' })
  quoteId?: string | null;

  @OptionalId({ description: 'Only the contracts of this event.' })
  eventId?: string | null;

  @Field(() => AmountRange, { nullable: true, description: 'Only contracts whose value lies in this range.' })
  value?: AmountRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only contracts starting in this range.' })
  startsOn?: DateRange | null;
}

@ArgsType()
export class ContractsArgs extends ListArgsOf(ContractFilter, ContractOrder, 'number ascending') {}

@InputType()
class ContractFields {
  @OptionalId({ description: CONTRACT_FIELDS.quoteId })
  quoteId?: string | null;

  @OptionalId({ description: CONTRACT_FIELDS.eventId })
  eventId?: string | null;

  @EnumField(ContractStatus, { description: `${CONTRACT_FIELDS.status} Default DRAFT.` })
  status?: ContractStatus | null;

  @CurrencyField({ description: `${CONTRACT_FIELDS.currency} Default "USD".` })
  currency?: string | null;

  @DateField({ description: CONTRACT_FIELDS.endsOn })
  endsOn?: Date | null;

  @DateField({ description: CONTRACT_FIELDS.signedAt })
  signedAt?: Date | null;
}

@InputType({ description: 'A new contract.' })
export class CreateContractInput extends ContractFields {
  @RequiredId({ description: CONTRACT_FIELDS.accountId })
  accountId!: string;

  @RequiredName(50, { description: CONTRACT_FIELDS.number })
  number!: string;

  @AmountField({ nullable: false, description: CONTRACT_FIELDS.value })
  value!: string;

  @DateField({ nullable: false, description: CONTRACT_FIELDS.startsOn })
  startsOn!: Date;
}

@InputType({ description: 'Changes to a contract: omitted fields are kept, null clears an optional one.' })
export class UpdateContractInput extends ContractFields {
  @OptionalId({ description: `${CONTRACT_FIELDS.accountId} Change it to move the contract to another account.` })
  accountId?: string | null;

  @OptionalName(50, { description: CONTRACT_FIELDS.number })
  number?: string | null;

  @AmountField({ description: CONTRACT_FIELDS.value })
  value?: string | null;

  @DateField({ description: CONTRACT_FIELDS.startsOn })
  startsOn?: Date | null;
}
