import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { InvoiceStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';

registerEnumType(InvoiceStatus, { name: 'InvoiceStatus', description: 'Where an invoice stands: drafted, issued, (partly) paid, overdue or void.' });

/** A bill sent to an account. */
@ObjectType('Invoice', { description: 'A bill to an account, possibly under a contract or for an event; payments settle it.' })
export class InvoiceObject extends EntityNode {
  @Field(() => ID, { description: 'The account billed; see `account`.' })
  accountId!: string;

  @Field(() => ID, { nullable: true, description: 'The contract it bills; see `contract`.' })
  contractId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The event it bills; see `event`.' })
  eventId!: string | null;

  @Field({ description: 'Invoice number, unique in the tenant.' })
  number!: string;

  @Field(() => InvoiceStatus, { description: 'Status.' })
  status!: InvoiceStatus;

  @Field({ description: 'ISO 4217 currency of the amounts.' })
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Amount billed.' })
  amount!: unknown;

  @Field(() => DecimalScalar, { description: 'Sum of the payments received so far.' })
  paidAmount!: unknown;

  @Field(() => Date, { nullable: true, description: 'Day it was issued (a date).' })
  issuedOn!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Day payment is due (a date); never before issuedOn.' })
  dueOn!: Date | null;
}

@ObjectType({ description: 'A page of invoices.' })
export class InvoiceConnection extends Connection(InvoiceObject, 'Invoice') {}
