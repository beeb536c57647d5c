import { type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { FleetAdminResolver } from '../admin/fleet-admin.resolver.js';
import { MigrationAdminResolver } from '../admin/migration-admin.resolver.js';
import { AccountContactResolver } from '../modules/account-contacts/account-contact.resolver.js';
import { AccountResolver } from '../modules/accounts/account.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { ContactResolver } from '../modules/contacts/contact.resolver.js';
import { MemberResolver } from '../modules/members/member.resolver.js';
import { authChecker } from './access.js';

/** Every resolver class of the gateway; a new domain module adds its resolvers here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver list is typed loosely
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  MemberResolver,
  AuditResolver,
  AccountResolver,
  ContactResolver,
  AccountContactResolver,
  FleetAdminResolver,
  MigrationAdminResolver,
];

/** Builds the executable schema; class-validator rules on inputs run before resolvers. */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    validate: { forbidUnknownValues: false },
  });
}
