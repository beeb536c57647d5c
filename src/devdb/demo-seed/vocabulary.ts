/** Word lists shared by every flavour: people, job titles and the text of day-to-day CRM activity. */

export const FIRST_NAMES: readonly string[] = ['Olivia', 'Liam', 'Amara', 'Noah', 'Sofia', 'Mateo', 'Priya',
  'Ethan', 'Chloe', 'Kenji', 'Isla', 'Lucas', 'Zara', 'Omar', 'Hannah', 'Diego', 'Freya', 'Arjun', 'Maya',
  'Jonas', 'Elena', 'Samuel', 'Aisha', 'Felix', 'Grace', 'Tomás', 'Ingrid', 'Malik', 'Nora', 'Luca',
  'Yuki', 'Ruth', 'Emeka', 'Clara', 'Henrik', 'Leila', 'Marcus', 'Anya', 'Rafael', 'Tessa'];

export const LAST_NAMES: readonly string[] = ['Okafor', 'Schmidt', 'Patel', 'García', 'Nguyen', 'Kowalski',
  'Johansson', 'Rossi', 'Murphy', 'Tanaka', 'Dubois', 'Hughes', 'Silva', 'Novak', 'Fischer', 'Brennan',
  'Haddad', 'Lindqvist', 'Moreau', 'Adeyemi', 'Castillo', 'Weber', 'Kaur', 'Fitzgerald', 'Yamamoto',
  'Larsen', 'Bianchi', 'Mensah', 'Sullivan', 'Petrov', 'Costa', 'Byrne', 'Ahmed', 'Keller', 'Vargas'];

export const JOB_TITLES: readonly string[] = ['Marketing Director', 'Head of Events', 'Office Manager',
  'Procurement Specialist', 'Finance Manager', 'Chief of Staff', 'HR Director', 'Brand Manager',
  'Operations Lead', 'Executive Assistant', 'VP Sales', 'Communications Manager', 'Founder'];

export const TASK_TITLES: readonly string[] = ['Follow up on proposal', 'Schedule site visit',
  'Send revised quote', 'Chase signed contract', 'Confirm final headcount', 'Prepare budget breakdown',
  'Call about deposit', 'Book kick-off meeting', 'Update floor plan', 'Send post-event survey'];

export const NOTE_BODIES: readonly string[] = [
  'Budget confirmed verbally; waiting for PO from finance.',
  'Prefers email over calls. Decision expected after their board meeting.',
  'Asked for two alternative dates in case the first choice is unavailable.',
  'Very happy with last year; wants the same team again.',
  'Needs step-free access for several guests — check the venue lift.',
  'Competitor quoted lower; we win on logistics and references.',
  'Legal is reviewing our cancellation clause; expect redlines.',
  'Dietary list to follow: vegan, gluten-free and two nut allergies.',
  'Wants a single invoice per quarter rather than per event.',
  'Walked the venue together; they loved the main hall, unsure about parking.',
  'Signed off the run of show. Minor changes to the opening slot.',
  'Paid the deposit early; remind them of the balance due date.',
];

export const COMMUNICATION_SUBJECTS: readonly string[] = ['Proposal and next steps', 'Quick question about dates',
  'Revised quote attached', 'Site visit follow-up', 'Contract for signature', 'Invoice reminder',
  'Catering options', 'Thank you!', 'Headcount update', 'Introductory call', 'Payment received',
  'Agenda draft'];

export const COMMUNICATION_BODIES: readonly string[] = [
  'Thanks for your time today. As discussed, I have attached the updated outline.',
  'Could you confirm whether the second date still works on your side?',
  'Please find the revised figures attached; the changes are highlighted.',
  'Left a voicemail, will try again tomorrow morning.',
  'Great meeting — action items are in the shared notes.',
  'Just a reminder that the balance is due at the end of the month.',
];

/** Attachment kinds: file name stem, extension, content type and a plausible size range in bytes. */
export const ATTACHMENT_KINDS: readonly (readonly [string, string, string, number, number])[] = [
  ['floor-plan', 'pdf', 'application/pdf', 200_000, 4_000_000],
  ['signed-contract', 'pdf', 'application/pdf', 120_000, 900_000],
  ['quote', 'pdf', 'application/pdf', 60_000, 400_000],
  ['site-visit', 'jpg', 'image/jpeg', 800_000, 6_000_000],
  ['run-of-show', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 20_000, 300_000],
  ['guest-list', 'csv', 'text/csv', 2_000, 80_000],
  ['brief', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 30_000, 500_000],
  ['logo', 'png', 'image/png', 15_000, 900_000],
];

export const SEASONS: readonly string[] = ['Spring', 'Summer', 'Autumn', 'Winter'];

export const STREETS: readonly string[] = ['Market Street', 'Harbour Road', 'King Street', 'Station Road',
  'Mill Lane', 'Park Avenue', 'Canal Street', 'High Street', 'Church Lane', 'Riverside Drive', 'Queens Way',
  'Foundry Row'];

/** International dialling prefixes for the countries the flavours use. */
export const DIAL_CODES: Readonly<Record<string, string>> = {
  US: '+1', CA: '+1', MX: '+52', GB: '+44', IE: '+353', DE: '+49', NL: '+31', ES: '+34', PT: '+351',
  AT: '+43', IT: '+39', FR: '+33', AU: '+61',
};

export const PERSONAL_MAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net'];
