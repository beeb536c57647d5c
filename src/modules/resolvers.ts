import { type NonEmptyArray } from 'type-graphql';
import { FleetAdminResolver } from '../admin/fleet-admin.resolver.js';
import { MigrationAdminResolver } from '../admin/migration-admin.resolver.js';
import { AccountContactResolver } from './account-contacts/account-contact.resolver.js';
import { AccountResolver } from './accounts/account.resolver.js';
import { AttachmentResolver } from './attachments/attachment.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { CommunicationResolver } from './communications/communication.resolver.js';
import { ContactResolver } from './contacts/contact.resolver.js';
import { ContractResolver } from './contracts/contract.resolver.js';
import { type EntityNames } from './entity/entity-names.js';
import { EventDateResolver } from './event-dates/event-date.resolver.js';
import { EventResolver } from './events/event.resolver.js';
import { InvoiceResolver } from './invoices/invoice.resolver.js';
import { LeadResolver } from './leads/lead.resolver.js';
import { LocationResolver } from './locations/location.resolver.js';
import { MemberResolver } from './members/member.resolver.js';
import { NoteResolver } from './notes/note.resolver.js';
import { OpportunityResolver } from './opportunities/opportunity.resolver.js';
import { PaymentResolver } from './payments/payment.resolver.js';
import { QuoteResolver } from './quotes/quote.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { TaskResolver } from './tasks/task.resolver.js';
import { WorkflowResolver } from './workflows/workflow.resolver.js';

/** The business entities with list/get/create/update/delete, each on the generic entity resolver. */
export const entityResolvers = [
  AccountResolver,
  ContactResolver,
  LeadResolver,
  OpportunityResolver,
  LocationResolver,
  EventResolver,
  EventDateResolver,
  QuoteResolver,
  ContractResolver,
  InvoiceResolver,
  PaymentResolver,
  TaskResolver,
  NoteResolver,
  AttachmentResolver,
  CommunicationResolver,
] as const;

/** How every business entity is named in the schema; the isolation suite iterates this. */
export const entityRegistry: readonly EntityNames[] = entityResolvers.map((resolver) => resolver.entity);

/** Every resolver class of the gateway; a new domain module adds its resolvers here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver list is typed loosely
export const gatewayResolvers: NonEmptyArray<Function> = [
  AuthResolver,
  MemberResolver,
  AuditResolver,
  ...entityResolvers,
  AccountContactResolver,
  WorkflowResolver,
  SearchResolver,
  FleetAdminResolver,
  MigrationAdminResolver,
];
