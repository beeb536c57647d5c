import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Contract, type Event, type Quote } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountById } from '../accounts/account.service.js';
import { AccountObject } from '../accounts/account.type.js';
import { attachmentsOn } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { hasMany, withRelations } from '../entity/relation-fields.js';
import { loadOptional } from '../entity/relation-loaders.js';
import { childrenThrough } from '../entity/relation-page.js';
import { eventById } from '../events/event.service.js';
import { EventObject } from '../events/event.type.js';
import { invoiceList } from '../invoices/invoice.service.js';
import { quoteById } from '../quotes/quote.service.js';
import { QuoteObject } from '../quotes/quote.type.js';
import { ContractsArgs, CreateContractInput, UpdateContractInput } from './contract.input.js';
import { contractService } from './contract.service.js';
import { ContractConnection, ContractObject } from './contract.type.js';

const ContractCrud = createEntityResolver({
  service: contractService,
  objectType: ContractObject,
  connectionType: ContractConnection,
  argsType: ContractsArgs,
  createInput: CreateContractInput,
  updateInput: UpdateContractInput,
});

@Resolver(() => ContractObject)
export class ContractResolver extends withRelations(ContractCrud, ContractObject, {
  invoices: hasMany(invoiceList, childrenThrough('contract', 'invoices'), 'Invoices under this contract.'),
  attachments: attachmentsOn(AttachmentSubjectType.CONTRACT),
}) {
  @FieldResolver(() => AccountObject, { description: 'The account the contract is with.' })
  account(@Root() contract: Contract, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return accountById(ctx).load(contract.accountId);
  }

  @FieldResolver(() => QuoteObject, { nullable: true, description: 'The quote it was made from.' })
  quote(@Root() contract: Contract, @Ctx() ctx: RequestContext): Promise<Quote | null> | null {
    return loadOptional(quoteById(ctx), contract.quoteId);
  }

  @FieldResolver(() => EventObject, { nullable: true, description: 'The event it is for.' })
  event(@Root() contract: Contract, @Ctx() ctx: RequestContext): Promise<Event | null> | null {
    return loadOptional(eventById(ctx), contract.eventId);
  }
}
