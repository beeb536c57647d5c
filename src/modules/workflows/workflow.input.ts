import { IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OpportunityStage, PaymentMethod } from '../../generated/tenant/enums.js';
import { AmountField, CurrencyField, DateField, EnumField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';

@InputType({ description: 'The deal to open while converting a lead.' })
export class ConversionOpportunityInput {
  @RequiredName(200, { description: 'Name of the deal.' })
  name!: string;

  @AmountField({ nullable: false, description: 'Expected value of the deal.' })
  amount!: string;

  @CurrencyField()
  currency?: string | null;

  @EnumField(OpportunityStage, { description: 'Pipeline stage (default QUALIFICATION).' })
  stage?: OpportunityStage | null;
}

@InputType({ description: 'How to convert a lead: into a new or an existing account, a contact, and optionally a deal.' })
export class ConvertLeadInput {
  @OptionalId({ description: 'Link the lead to this existing account instead of creating one.' })
  accountId?: string | null;

  @OptionalName(200, { description: "Name of the new account (default: the lead's company, else its name)." })
  accountName?: string | null;

  @Field(() => ConversionOpportunityInput, { nullable: true, description: 'Also open this opportunity.' })
  @IsOptional()
  @ValidateNested()
  opportunity?: ConversionOpportunityInput | null;
}

@InputType({ description: 'A payment received against an invoice.' })
export class RecordPaymentInput {
  @AmountField({ nullable: false, positive: true, description: 'Amount received; greater than zero and at most what is still open.' })
  amount!: string;

  @DateField({ description: 'When the money arrived (default now).' })
  receivedAt?: Date | null;

  @EnumField(PaymentMethod, { description: 'How it was paid (default BANK_TRANSFER).' })
  method?: PaymentMethod | null;

  @OptionalText(200, { description: 'Bank or card reference.' })
  reference?: string | null;
}

@InputType({ description: 'Dates of the contract made from an accepted quote.' })
export class AcceptQuoteInput {
  @DateField({ description: 'First day the contract applies (default today).' })
  startsOn?: Date | null;

  @DateField({ description: 'Last day the contract applies; not before startsOn.' })
  endsOn?: Date | null;
}

@InputType({ description: 'Dates of an invoice being issued.' })
export class IssueInvoiceInput {
  @DateField({ description: 'Day of issue (default today).' })
  issuedOn?: Date | null;

  @DateField({ description: 'Day payment is due (default 30 days after issue); not before issuedOn.' })
  dueOn?: Date | null;
}
