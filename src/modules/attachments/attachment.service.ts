import { badInput } from '../../errors/app-error.js';
import { delegateOf, type ModelName } from '../entity/entity-delegate.js';
import { whereOn } from '../entity/entity-inputs.js';
import { createEntityService } from '../entity/entity-service.js';
import { entityList } from '../entity/relation-fields.js';
import { AttachmentSubjectType, AttachmentFilter, AttachmentOrder } from './attachment.input.js';
import { AttachmentConnection } from './attachment.type.js';

/** The model behind each kind of subject. */
export const SUBJECT_MODEL: Readonly<Record<AttachmentSubjectType, ModelName>> = {
  [AttachmentSubjectType.ACCOUNT]: 'account',
  [AttachmentSubjectType.CONTACT]: 'contact',
  [AttachmentSubjectType.LEAD]: 'lead',
  [AttachmentSubjectType.OPPORTUNITY]: 'opportunity',
  [AttachmentSubjectType.EVENT]: 'event',
  [AttachmentSubjectType.QUOTE]: 'quote',
  [AttachmentSubjectType.CONTRACT]: 'contract',
  [AttachmentSubjectType.INVOICE]: 'invoice',
};

const on = whereOn('attachment');

/** Attachments on the generic entity service; the subject must be a record of this tenant. */
export const attachmentService = createEntityService<'attachment', AttachmentFilter>({
  model: 'attachment',
  defaultOrder: 'fileName',
  required: ['fileName', 'contentType'],
  where: (filter) =>
    on.all(
      on.search(filter.search, ['fileName']),
      ...on.each(filter, 'subjectType', 'subjectId', 'contentType'),
    ),
  async prepare(_next, data, scope, mode) {
    if (mode === 'update') {
      return data;
    }
    const model = SUBJECT_MODEL[data.subjectType as AttachmentSubjectType];
    const found = await delegateOf(scope.db, model).count({ where: { id: data.subjectId } });
    if (found === 0) {
      throw badInput(`subjectId must be the id of a record of type ${String(data.subjectType)} of this tenant`, 'subjectId');
    }
    return { ...data, uploadedById: scope.userId };
  },
});

/** Attachments as the relation connections of other records list them. */
export const attachmentList = entityList(attachmentService, AttachmentConnection, AttachmentFilter, AttachmentOrder);
