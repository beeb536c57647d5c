import { type Note } from '../../generated/tenant/client.js';
import { SUBJECT_FIELDS } from '../subjects/subject.fields.js';

/** The description of each note field, declared once for the Note type and its inputs. */
export const NOTE_FIELDS = {
  ...SUBJECT_FIELDS,
  body: 'The text.',
  authorId: 'Control-plane user id of the author.',
  leadId: 'The lead it is about.',
} as const satisfies Partial<Record<keyof Note, string>>;
