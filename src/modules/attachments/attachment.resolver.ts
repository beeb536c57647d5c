import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { type Attachment } from '../../generated/tenant/client.js';
import { type RequestContext } from '../../graphql/context.js';
import { createEntityResolver } from '../entity/entity-resolver.js';
import { type TypedRow } from '../entity/typed-row.js';
import { loadSubject, SubjectUnion } from '../subjects/subject.union.js';
import { loadUser } from '../users/user-field.js';
import { UserType } from '../users/user.type.js';
import { type AttachmentSubjectType, AttachmentsArgs, CreateAttachmentInput, UpdateAttachmentInput } from './attachment.input.js';
import { attachmentService, SUBJECT_MODEL } from './attachment.service.js';
import { AttachmentConnection, AttachmentObject } from './attachment.type.js';

const AttachmentCrud = createEntityResolver({
  service: attachmentService,
  objectType: AttachmentObject,
  connectionType: AttachmentConnection,
  argsType: AttachmentsArgs,
  createInput: CreateAttachmentInput,
  updateInput: UpdateAttachmentInput,
});

@Resolver(() => AttachmentObject)
export class AttachmentResolver extends AttachmentCrud {
  @FieldResolver(() => SubjectUnion, { nullable: true, description: 'The record the file is attached to.' })
  about(@Root() attachment: Attachment, @Ctx() ctx: RequestContext): Promise<TypedRow | null> | null {
    const model = SUBJECT_MODEL[attachment.subjectType as AttachmentSubjectType];
    return model ? loadSubject(ctx, model, attachment.subjectId) : null;
  }

  @FieldResolver(() => Float, { description: 'Size in bytes.' })
  sizeBytes(@Root() attachment: Attachment): number {
    return Number(attachment.sizeBytes);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who uploaded it, from the control plane.' })
  uploadedBy(@Root() attachment: Attachment, @Ctx() ctx: RequestContext): Promise<UserType | null> | null {
    return loadUser(ctx, attachment.uploadedById);
  }
}
