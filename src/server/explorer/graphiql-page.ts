import { GRAPHIQL_ASSET_PREFIX } from './graphiql-assets.js';

/** What a newcomer sees in the query editor before typing anything. */
const DEFAULT_QUERY = `# tenantgate's GraphiQL, served by the gateway itself.
#
# 1. Run this login and copy the accessToken.
# 2. In "Headers" below, put:
#    { "Authorization": "Bearer <accessToken>" }
# 3. Run a business query, for example:
#    { accounts(first: 5) { totalCount edges { node { name } } } }

mutation Login {
  login(email: "owner@acme.dev", password: "tenantgate-demo", tenantSlug: "acme") {
    accessToken
    expiresAt
    role
  }
}
`;

/**
 * The GraphiQL page served at GET /graphql when GRAPHQL_EXPLORER=graphiql. It loads React and
 * GraphiQL from this gateway (see {@link GRAPHIQL_ASSET_PREFIX}) and sends operations to the same
 * path it was served from, so it works behind a path prefix and on a machine with no internet.
 */
export function graphiqlPage(): string {
  const asset = (name: string) => `${GRAPHIQL_ASSET_PREFIX}${name}`;
  const options = JSON.stringify({ defaultQuery: DEFAULT_QUERY }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tenantgate · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('style.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('index.umd.js')}"></script>
<script>
  const options = ${options};
  const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: options.defaultQuery,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
</script>
</body>
</html>
`;
}
