import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { AttachmentSubjectType } from './attachment.input.js';

/** Metadata of a file in object storage, attached to a record. */
@ObjectType('Attachment', { description: 'Metadata of a file attached to a record (see `about`); the bytes live in object storage under storageKey.' })
export class AttachmentObject extends EntityNode {
  @Field(() => AttachmentSubjectType, { description: 'The kind of record it is attached to.' })
  subjectType!: AttachmentSubjectType;

  @Field(() => ID, { description: 'The record it is attached to.' })
  subjectId!: string;

  @Field({ description: 'File name as shown.' })
  fileName!: string;

  @Field({ description: 'MIME type.' })
  contentType!: string;

  @Field({ description: 'Object-storage key of the bytes.' })
  storageKey!: string;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the bytes.' })
  sha256!: string | null;

  @Field(() => ID, { nullable: true, description: 'Control-plane user id of the uploader; see `uploadedBy`.' })
  uploadedById!: string | null;
}

@ObjectType({ description: 'A page of attachments.' })
export class AttachmentConnection extends Connection(AttachmentObject, 'Attachment') {}
