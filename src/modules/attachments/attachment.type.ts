import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { ATTACHMENT_FIELDS } from './attachment.fields.js';
import { AttachmentSubjectType } from './attachment.input.js';

/** Metadata of a file in object storage, attached to a record. */
@ObjectType('Attachment', { description: 'Metadata of a file attached to a record (see `about`); the bytes live in object storage under storageKey.' })
export class AttachmentObject extends EntityNode {
  @Field(() => AttachmentSubjectType, { description: ATTACHMENT_FIELDS.subjectType })
  subjectType!: AttachmentSubjectType;

  @Field(() => ID, { description: ATTACHMENT_FIELDS.subjectId })
  subjectId!: string;

  @Field({ description: ATTACHMENT_FIELDS.fileName })
  fileName!: string;

  @Field({ description: ATTACHMENT_FIELDS.contentType })
  contentType!: string;

  @Field({ description: ATTACHMENT_FIELDS.storageKey })
  storageKey!: string;

  @Field(() => String, { nullable: true, description: ATTACHMENT_FIELDS.sha256 })
  sha256!: string | null;

  @Field(() => ID, { nullable: true, description: `${ATTACHMENT_FIELDS.uploadedById} See \`uploadedBy\`.` })
  uploadedById!: string | null;
}

@ObjectType({ description: 'A page of attachments.' })
export class AttachmentConnection extends Connection(AttachmentObject, 'Attachment') {}
