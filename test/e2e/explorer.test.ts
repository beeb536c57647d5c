import { chromium, type Browser, type Page } from 'playwright-core';
import { type ExplorerMode } from '../../src/config/app-config.js';
import { startTestFleet, TEST_PASSWORD, type TestFleet } from '../support/test-fleet.js';

/** Debian's Chromium, which .ci/run installs; CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const fleets: TestFleet[] = [];
async function gateway(explorer: ExplorerMode): Promise<TestFleet> {
  const fleet = await startTestFleet({ explorer });
  fleets.push(fleet);
  return fleet;
}
afterAll(async () => {
  await Promise.all(fleets.map((fleet) => fleet.close()));
});

const browserPage = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

describe('GRAPHQL_EXPLORER=graphiql in a real browser', () => {
  let fleet: TestFleet;
  let browser: Browser;
  const outside: string[] = [];

  beforeAll(async () => {
    fleet = await gateway('graphiql');
    const { accessToken } = await fleet.login('owner@acme.test', 'acme');
    const created = await fleet.gql('mutation { createAccount(input: { name: "Explorer Account" }) { id } }', { token: accessToken });
    expect(created.errors).toEqual([]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Replaces the text of a GraphiQL editor the way a user does: focus, select all, type. */
  async function typeInto(page: Page, editor: string, text: string): Promise<void> {
    await page.locator(editor).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  }

  /** Runs the document in the query editor and returns the response pane's JSON. */
  async function run(page: Page, expectText: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
    // GraphiQL re-reads the operation name from the document a moment after an edit.
    await page.waitForTimeout(300);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText(expectText).first().waitFor();
    // Library seam: CodeMirror 5 hangs its instance on the editor's element.
    const text = await page.locator('.graphiql-response .CodeMirror').evaluate((element: unknown) => (element as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    return JSON.parse(text) as { data?: Record<string, unknown> };
  }

  test('renders with nothing fetched from elsewhere, and a login and an accounts query typed into it return data', async () => {
    const origin = new URL(fleet.app.url).origin;
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) {
        return route.continue();
      }
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${fleet.app.url}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor();

    await typeInto(page, '.graphiql-query-editor .CodeMirror', `mutation SignIn { login(email: "owner@acme.test", password: "${TEST_PASSWORD}", tenantSlug: "acme") { accessToken role } }`);
    const login = await run(page, 'accessToken');
    const { accessToken, role } = (login.data as { login: { accessToken: string; role: string } }).login;
    expect(role).toBe('OWNER');

    await page.getByRole('button', { name: 'Headers' }).click();
    await typeInto(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify({ Authorization: `Bearer ${accessToken}` }));
    await typeInto(page, '.graphiql-query-editor .CodeMirror', 'query Accounts { accounts(first: 5) { totalCount edges { node { name } } } }');
    const accounts = await run(page, 'totalCount');
    expect(accounts.errors).toBeUndefined();
    expect(accounts.data).toEqual({ accounts: { totalCount: 1, edges: [{ node: { name: 'Explorer Account' } }] } });

    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(fetched.every((url) => url.startsWith(`${origin}/`))).toBe(true);
    expect(fetched).toEqual(expect.arrayContaining([`${origin}/explorer/index.umd.js`, `${origin}/explorer/react.production.min.js`, `${origin}/explorer/style.css`]));
    await context.close();
  });

  test('serves its assets with their types, refuses other names, and leaves GraphQL GETs to Apollo', async () => {
    const css = await fetch(`${fleet.app.url}/explorer/style.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('.graphiql-container');
    expect((await fetch(`${fleet.app.url}/explorer/../package.json`)).status).toBe(404);
    expect((await fetch(`${fleet.app.url}/explorer/constructor`)).status).toBe(404);
    const get = await fetch(`${fleet.app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the other explorer modes', () => {
  test('sandbox serves Apollo\'s page and no GraphiQL files', async () => {
    const fleet = await gateway('sandbox');
    const page = await browserPage(`${fleet.app.url}/graphql`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/sandbox/i);
    expect((await fetch(`${fleet.app.url}/explorer/index.umd.js`)).status).toBe(404);
  });

  test('off serves no page at all', async () => {
    const fleet = await gateway('off');
    const page = await browserPage(`${fleet.app.url}/graphql`);
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect((await fetch(`${fleet.app.url}/explorer/index.umd.js`)).status).toBe(404);
  });
});

test('an operationName that names no operation of the document is a clean resolution error', async () => {
  const fleet = fleets[0] ?? (await gateway('off'));
  const response = await fetch(`${fleet.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { logout }', operationName: 'Missing' }),
  });
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(body.errors).toEqual([{ message: 'Unknown operation named "Missing".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }]);
});
