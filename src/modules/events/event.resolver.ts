import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Contract, type Event, type EventDate, type Invoice, type Location, type Quote } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { withActivity } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { AccountObject } from '../accounts/account.type.js';
import { contractsByEvent } from '../contracts/contract.service.js';
import { ContractObject } from '../contracts/contract.type.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { byIdLoader, loadOptional } from '../entity/relation-loaders.js';
import { datesByEvent } from '../event-dates/event-date.service.js';
import { EventDateObject } from '../event-dates/event-date.type.js';
import { invoicesByEvent } from '../invoices/invoice.service.js';
import { InvoiceObject } from '../invoices/invoice.type.js';
import { locationById } from '../locations/location.service.js';
import { LocationObject } from '../locations/location.type.js';
import { quotesByEvent } from '../quotes/quote.service.js';
import { QuoteObject } from '../quotes/quote.type.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { CreateEventInput, EventsArgs, UpdateEventInput } from './event.input.js';
import { eventService } from './event.service.js';
import { EventConnection, EventObject } from './event.type.js';

const accountById = byIdLoader<Account>('account');

const EventCrud = createEntityResolver({
  service: eventService,
  one: 'event',
  many: 'events',
  typeName: 'Event',
  noun: 'events',
  objectType: EventObject,
  connectionType: EventConnection,
  argsType: EventsArgs,
  createInput: CreateEventInput,
  updateInput: UpdateEventInput,
});

@Resolver(() => EventObject)
export class EventResolver extends withActivity(EventCrud, { type: EventObject, tasks: 'eventId', notes: 'eventId', attachments: AttachmentSubjectType.EVENT }) {
  @FieldResolver(() => [EventDateObject], { description: 'The days or sessions of the event, in time order.' })
  dates(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<EventDate[]> {
    return datesByEvent(ctx).load(event.id);
  }

  @FieldResolver(() => LocationObject, { nullable: true, description: 'The main venue.' })
  location(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<Location | null> | null {
    return loadOptional(locationById(ctx), event.locationId);
  }

  @FieldResolver(() => AccountObject, { nullable: true, description: 'The client account.' })
  account(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<Account | null> | null {
    return loadOptional(accountById(ctx), event.accountId);
  }

  @FieldResolver(() => [QuoteObject], { description: 'Quotes made for the event.' })
  quotes(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<Quote[]> {
    return quotesByEvent(ctx).load(event.id);
  }

  @FieldResolver(() => [ContractObject], { description: 'Contracts for the event.' })
  contracts(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<Contract[]> {
    return contractsByEvent(ctx).load(event.id);
  }

  @FieldResolver(() => [InvoiceObject], { description: 'Invoices for the event.' })
  invoices(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<Invoice[]> {
    return invoicesByEvent(ctx).load(event.id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, event.ownerId);
  }
}
