import { type Attachment } from '../../generated/tenant/client.js';

/** The description of each attachment field, declared once for the Attachment type and its inputs. */
export const ATTACHMENT_FIELDS = {
  subjectType: 'The kind of record it is attached to.',
  subjectId: 'The record it is attached to.',
  fileName: 'File name as shown.',
  contentType: 'MIME type, e.g. application/pdf.',
  sizeBytes: 'Size in bytes.',
  storageKey: 'Object-storage key of the bytes.',
  sha256: 'SHA-256 of the bytes, 64 hex digits.',
  uploadedById: 'Control-plane user id of the uploader.',
} as const satisfies Partial<Record<keyof Attachment, string>>;
