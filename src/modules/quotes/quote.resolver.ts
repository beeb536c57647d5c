import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Contract, type Event, type Quote } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { accountById } from '../accounts/account.service.js';
import { AccountObject } from '../accounts/account.type.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { contractsByQuote } from '../contracts/contract.service.js';
import { ContractObject } from '../contracts/contract.type.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { loadOptional } from '../entity/relation-loaders.js';
import { eventById } from '../events/event.service.js';
import { EventObject } from '../events/event.type.js';
import { CreateQuoteInput, QuotesArgs, UpdateQuoteInput } from './quote.input.js';
import { quoteService } from './quote.service.js';
import { QuoteConnection, QuoteObject } from './quote.type.js';
import { attachmentsOn } from '../activity/activity-relations.js';
import { withRelations } from '../entity/relation-fields.js';

const QuoteCrud = createEntityResolver({
  service: quoteService,
  objectType: QuoteObject,
  connectionType: QuoteConnection,
  argsType: QuotesArgs,
  createInput: CreateQuoteInput,
  updateInput: UpdateQuoteInput,
});

@Resolver(() => QuoteObject)
export class QuoteResolver extends withRelations(QuoteCrud, QuoteObject, {
  attachments: attachmentsOn(AttachmentSubjectType.QUOTE),
}) {
  @FieldResolver(() => AccountObject, { description: 'The account the quote is for.' })
  account(@Root() quote: Quote, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return accountById(ctx).load(quote.accountId);
  }

  @FieldResolver(() => EventObject, { nullable: true, description: 'The event the quote is for.' })
  event(@Root() quote: Quote, @Ctx() ctx: RequestContext): Promise<Event | null> | null {
    return loadOptional(eventById(ctx), quote.eventId);
  }

  @FieldResolver(() => ContractObject, { nullable: true, description: 'The contract made from this quote once accepted.' })
  async contract(@Root() quote: Quote, @Ctx() ctx: RequestContext): Promise<Contract | null> {
    const contracts = await contractsByQuote(ctx).load(quote.id);
    return contracts[0] ?? null;
  }
}
