import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, InputType, registerEnumType } from 'type-graphql';
import { EnumField, RequiredId } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';
import { ATTACHMENT_FIELDS } from './attachment.fields.js';

/** What an attachment can be filed under; the value is the table name stored in `subject_type`. */
export enum AttachmentSubjectType {
  ACCOUNT = 'accounts',
  CONTACT = 'contacts',
  LEAD = 'leads',
  OPPORTUNITY = 'opportunities',
  EVENT = 'events',
  QUOTE = 'quotes',
  CONTRACT = 'contracts',
  INVOICE = 'invoices',
}
registerEnumType(AttachmentSubjectType, { name: 'AttachmentSubjectType', description: 'The kind of record a file is attached to.' });

export enum AttachmentOrderField {
  FILE_NAME = 'fileName',
  SIZE_BYTES = 'sizeBytes',
  CREATED_AT = 'createdAt',
}
registerEnumType(AttachmentOrderField, { name: 'AttachmentOrderField', description: 'Fields attachments can be sorted by.' });

@InputType({ description: 'How to sort attachments.' })
export class AttachmentOrder extends OrderInput(AttachmentOrderField) {}

@InputType({ description: 'Conditions on attachments; all given ones must hold.' })
export class AttachmentFilter {
  @OptionalText(200, { description: 'Case-insensitive match on the file name.' })
  search?: string | null;

  @EnumField(AttachmentSubjectType, { description: 'Only files attached to this kind of record.' })
  subjectType?: AttachmentSubjectType | null;

  @OptionalId({ description: 'Only files attached to this record.' })
  subjectId?: string | null;

  @OptionalText(200, { description: 'Only files of this MIME type.' })
  contentType?: string | null;
}

@ArgsType()
export class AttachmentsArgs extends ListArgsOf(AttachmentFilter, AttachmentOrder, 'file name ascending') {}

const MIME = /^[a-z]+\/[a-z0-9.+-]+$/i;

@InputType({ description: "A file's metadata (the bytes are in object storage); the caller is its uploader." })
export class CreateAttachmentInput {
  @EnumField(AttachmentSubjectType, { nullable: false, description: ATTACHMENT_FIELDS.subjectType })
  subjectType!: AttachmentSubjectType;

  @RequiredId({ description: ATTACHMENT_FIELDS.subjectId })
  subjectId!: string;

  @RequiredName(255, { description: ATTACHMENT_FIELDS.fileName })
  fileName!: string;

  @Field({ description: ATTACHMENT_FIELDS.contentType })
  @Matches(MIME, { message: 'contentType must be a MIME type such as application/pdf' })
  contentType!: string;

  @Field(() => Float, { description: ATTACHMENT_FIELDS.sizeBytes })
  @IsInt({ message: 'sizeBytes must be a whole number' })
  @Min(0, { message: 'sizeBytes must not be negative' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'sizeBytes is too large' })
  sizeBytes!: number;

  @RequiredName(1024, { description: ATTACHMENT_FIELDS.storageKey })
  storageKey!: string;

  @Field(() => String, { nullable: true, description: ATTACHMENT_FIELDS.sha256 })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex digits' })
  sha256?: string | null;
}

@InputType({ description: 'Changes to an attachment: rename it or correct its type.' })
export class UpdateAttachmentInput {
  @OptionalName(255, { description: ATTACHMENT_FIELDS.fileName })
  fileName?: string | null;

  @Field(() => String, { nullable: true, description: ATTACHMENT_FIELDS.contentType })
  @IsOptional()
  @Matches(MIME, { message: 'contentType must be a MIME type such as application/pdf' })
  contentType?: string | null;
}
