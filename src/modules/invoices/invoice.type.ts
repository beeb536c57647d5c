import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { InvoiceStatus } from '../../generated/tenant/enums.js';
import { Connection } from '../../graphql/pagination/connection.js';
import { DecimalScalar } from '../../graphql/scalars/decimal.scalar.js';
import { EntityNode } from '../entity/entity-node.js';
import { INVOICE_FIELDS } from './invoice.fields.js';

registerEnumType(InvoiceStatus, { name: 'InvoiceStatus', description: 'Where an invoice stands: drafted, issued, (partly) paid, overdue or void.' });

/** A bill sent to an account. */
@ObjectType('Invoice', { description: 'A bill to an account, possibly under a contract or for an event; payments settle it.' })
export class InvoiceObject extends EntityNode {
  @Field(() => ID, { description: `${INVOICE_FIELDS.accountId} See \`account\`.` })
  accountId!: string;

  @Field(() => ID, { nullable: true, description: `${INVOICE_FIELDS.contractId} See \`contract\`.` })
  contractId!: string | null;

  @Field(() => ID, { nullable: true, description: `${INVOICE_FIELDS.eventId} See \`event\`.` })
  eventId!: string | null;

  @Field({ description: INVOICE_FIELDS.number })
  number!: string;

  @Field(() => InvoiceStatus, { description: INVOICE_FIELDS.status })
  status!: InvoiceStatus;

  @Field({ description: INVOICE_FIELDS.currency })
  currency!: string;

  @Field(() => DecimalScalar, { description: INVOICE_FIELDS.amount })
  amount!: unknown;

  @Field(() => DecimalScalar, { description: INVOICE_FIELDS.paidAmount })
  paidAmount!: unknown;

  @Field(() => Date, { nullable: true, description: INVOICE_FIELDS.issuedOn })
  issuedOn!: Date | null;

  @Field(() => Date, { nullable: true, description: INVOICE_FIELDS.dueOn })
  dueOn!: Date | null;
}

@ObjectType({ description: 'A page of invoices.' })
export class InvoiceConnection extends Connection(InvoiceObject, 'Invoice') {}
