/** What one screen asks, given the ids and words of the tenant it is asked of. */
export interface VolumeScreen {
  name: string;
  query: string;
  variables(tenant: ScreenTenant): Record<string, unknown>;
}

/** What the screens need of a tenant: a key account, a word its account names contain, and a second page's cursor. */
export interface ScreenTenant {
  keyAccountId: string;
  nameWord: string;
  secondPageCursor: string;
}

const RELATION = (fields: string) => `{ totalCount edges { node { ${fields} } } pageInfo { hasNextPage endCursor } }`;

/** The first page of the accounts list, as its screen shows it: the cursor of its end starts the second page. */
export const ACCOUNTS_PAGE =
  'query($after: String) { accounts(first: 25, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) { edges { cursor node { id name type city owner { displayName } } } pageInfo { hasNextPage endCursor } } }';

/**
 * The screens an SPA builds on every day, as the issue that asked for the volume phase lists them:
 * each asks only what it shows (a `totalCount` only where the screen shows a count).
 */
export const VOLUME_SCREENS: readonly VolumeScreen[] = [
  { name: 'accounts page', query: ACCOUNTS_PAGE, variables: () => ({}) },
  { name: 'accounts, sorted second page', query: ACCOUNTS_PAGE, variables: (tenant) => ({ after: tenant.secondPageCursor }) },
  {
    name: 'account name search',
    query: 'query($word: String) { accounts(first: 25, filter: { search: $word }) { edges { node { id name city } } pageInfo { hasNextPage endCursor } } }',
    variables: (tenant) => ({ word: tenant.nameWord }),
  },
  {
    name: 'events screen',
    query: `{ events(first: 50) { totalCount edges { node { id name status dates { edges { node { id startsAt endsAt location { id name } } } }
      location { id name } account { id name } owner { id displayName } } } pageInfo { hasNextPage endCursor } } }`,
    variables: () => ({}),
  },
  {
    name: 'global search',
    query: 'query($word: String!) { search(text: $word, first: 10) { score matched node { __typename ... on Account { id name } ... on Contact { id fullName } ... on Lead { id lastName } ... on Opportunity { id name } ... on Event { id name } } } }',
    variables: (tenant) => ({ word: tenant.nameWord }),
  },
  {
    name: 'qualified leads page',
    query: '{ leads(first: 25, filter: { status: QUALIFIED }, orderBy: { field: SCORE, direction: DESC }) { edges { node { id firstName lastName company score } } pageInfo { hasNextPage endCursor } } }',
    variables: () => ({}),
  },
  {
    name: 'invoices by due date',
    query: '{ invoices(first: 25, filter: { status: ISSUED }, orderBy: { field: DUE_ON }) { edges { node { id number amount dueOn account { name } } } pageInfo { hasNextPage endCursor } } }',
    variables: () => ({}),
  },
  {
    name: 'open tasks',
    query: '{ tasks(first: 25, filter: { status: OPEN }, orderBy: { field: DUE_AT }) { edges { node { id title dueAt priority assignee { displayName } } } pageInfo { hasNextPage endCursor } } }',
    variables: () => ({}),
  },
  {
    name: 'key account with the first page of each relation',
    query: `query($id: ID!) { account(id: $id) { id name type city owner { displayName }
      contacts ${RELATION('id fullName email')} contactLinks ${RELATION('role isPrimary')}
      opportunities ${RELATION('id name stage amount')} events ${RELATION('id name status')}
      quotes ${RELATION('id number status total')} contracts ${RELATION('id number status value')}
      invoices ${RELATION('id number status amount dueOn')} communications ${RELATION('id channel subject occurredAt')}
      tasks ${RELATION('id title dueAt status')} notes ${RELATION('id body createdAt')} attachments ${RELATION('id fileName sizeBytes')} } }`,
    variables: (tenant) => ({ id: tenant.keyAccountId }),
  },
];
