import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Communication } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { type TypedRow } from '../entity/typed-row.js';
import { firstSubject, SubjectUnion } from '../subjects/subject.union.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { CommunicationsArgs, CreateCommunicationInput, UpdateCommunicationInput } from './communication.input.js';
import { communicationService } from './communication.service.js';
import { CommunicationConnection, CommunicationObject } from './communication.type.js';

const CommunicationCrud = createEntityResolver({
  service: communicationService,
  objectType: CommunicationObject,
  connectionType: CommunicationConnection,
  argsType: CommunicationsArgs,
  createInput: CreateCommunicationInput,
  updateInput: UpdateCommunicationInput,
});

@Resolver(() => CommunicationObject)
export class CommunicationResolver extends CommunicationCrud {
  @FieldResolver(() => SubjectUnion, { nullable: true, description: 'The most specific party it was with: contact, lead, then account.' })
  about(@Root() communication: Communication, @Ctx() ctx: RequestContext): Promise<TypedRow | null> | null {
    return firstSubject(ctx, [
      ['contact', communication.contactId],
      ['lead', communication.leadId],
      ['account', communication.accountId],
    ]);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who logged it, from the control plane.' })
  user(@Root() communication: Communication, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, communication.userId);
  }
}
