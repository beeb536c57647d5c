import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Account, type Event, type Location } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { AccountObject } from '../accounts/account.type.js';
import { attachmentsOn, notesOf, tasksOf } from '../activity/activity-relations.js';
import { AttachmentSubjectType } from '../attachments/attachment.input.js';
import { contractList } from '../contracts/contract.service.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { hasMany, withRelations } from '../entity/relation-fields.js';
import { byIdLoader, loadOptional } from '../entity/relation-loaders.js';
import { childrenThrough } from '../entity/relation-page.js';
import { eventDateList } from '../event-dates/event-date.service.js';
import { invoiceList } from '../invoices/invoice.service.js';
import { locationById } from '../locations/location.service.js';
import { LocationObject } from '../locations/location.type.js';
import { quoteList } from '../quotes/quote.service.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { CreateEventInput, EventsArgs, UpdateEventInput } from './event.input.js';
import { eventService } from './event.service.js';
import { EventConnection, EventObject } from './event.type.js';

const accountById = byIdLoader<Account>('account');

const EventCrud = createEntityResolver({
  service: eventService,
  objectType: EventObject,
  connectionType: EventConnection,
  argsType: EventsArgs,
  createInput: CreateEventInput,
  updateInput: UpdateEventInput,
});

@Resolver(() => EventObject)
export class EventResolver extends withRelations(EventCrud, EventObject, {
  dates: hasMany(eventDateList, childrenThrough('event', 'dates'), 'The days or sessions of the event, in time order.', { field: 'startsAt', direction: 'asc', text: 'start ascending' }),
  quotes: hasMany(quoteList, childrenThrough('event', 'quotes'), 'Quotes made for the event.'),
  contracts: hasMany(contractList, childrenThrough('event', 'contracts'), 'Contracts for the event.'),
  invoices: hasMany(invoiceList, childrenThrough('event', 'invoices'), 'Invoices for the event.'),
  tasks: tasksOf('event'),
  notes: notesOf('event'),
  attachments: attachmentsOn(AttachmentSubjectType.EVENT),
}) {
  @FieldResolver(() => LocationObject, { nullable: true, description: 'The main venue.' })
  location(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<Location | null> | null {
    return loadOptional(locationById(ctx), event.locationId);
  }

  @FieldResolver(() => AccountObject, { nullable: true, description: 'The client account.' })
  account(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<Account | null> | null {
    return loadOptional(accountById(ctx), event.accountId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The owning user, from the control plane.' })
  owner(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, event.ownerId);
  }
}
