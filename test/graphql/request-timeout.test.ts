import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { withRequestTimeout } from '../../src/graphql/request-timeout.js';

const answered: HTTPGraphQLResponse = { status: 200, headers: new HeaderMap(), body: { kind: 'complete', string: '{"data":{}}' } };

test('a request still running at the deadline is answered REQUEST_TIMEOUT with HTTP 504', async () => {
  const response = await withRequestTimeout(new Promise<HTTPGraphQLResponse>(() => undefined), 20);
  expect(response.status).toBe(504);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(response.body.kind === 'complete' ? response.body.string : '{}') as { errors: { extensions: { code: string } }[] };
  expect(body.errors.map((error) => error.extensions.code)).toEqual(['REQUEST_TIMEOUT']);
});

test('a request answered in time passes through, and 0 means no limit', async () => {
  expect(await withRequestTimeout(Promise.resolve(answered), 10_000)).toBe(answered);
  expect(await withRequestTimeout(Promise.resolve(answered), 0)).toBe(answered);
});
