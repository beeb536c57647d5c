import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../devdb/demo-fleet.js';
import { type ExplorerMode } from '../config/app-config.js';
import { type DevEnvironment } from '../devdb/dev-environment.js';

const EXPLORER_LINES: Record<ExplorerMode, (graphqlUrl: string) => string> = {
  sandbox: (url) => `  Apollo sandbox     ${url}   (open it in a browser; it loads from Apollo's servers, GRAPHQL_EXPLORER=graphiql works offline)`,
  graphiql: (url) => `  GraphiQL           ${url}   (open it in a browser; served by the gateway, works offline)`,
  off: () => '  Explorer           off (GRAPHQL_EXPLORER=off)',
};

/** The start-up message of `npm start`: where to go and how to log in. */
export function devBanner(env: DevEnvironment, explorer: ExplorerMode, startedMs: number): string {
  const base = env.app.url.replace('://0.0.0.0', '://localhost').replace('://127.0.0.1', '://localhost');
  const rows = env.tenants.map(
    (t) => `    ${t.slug.padEnd(10)} ${t.kind.toLowerCase().padEnd(10)} ${t.database.padEnd(20)} owner@${t.slug}.dev${t.seededRows ? `  (seeded ${t.seededRows} rows)` : ''}`,
  );
  return [
    '',
    `  tenantgate is ready in ${startedMs} ms${env.embedded ? ' (embedded PostgreSQL)' : ''}`,
    '',
    `  GraphQL endpoint   ${base}/graphql`,
    EXPLORER_LINES[explorer](`${base}/graphql`),
    `  Health             ${base}/healthz   ${base}/readyz`,
    '',
    `  Demo logins (password "${DEMO_PASSWORD}"):`,
    `    ${DEMO_ADMIN_EMAIL} (platform admin, ADMIN in every tenant)`,
    '    tenant     kind       database             owner login (also sales@ = MEMBER, viewer@ = VIEWER)',
    ...rows,
    '',
    '  Try in the explorer (or with curl):',
    `    mutation { login(email: "owner@acme.dev", password: "${DEMO_PASSWORD}", tenantSlug: "acme") { accessToken } }`,
    '    then set the header  Authorization: Bearer <accessToken>  and run  { accounts(first: 5) { totalCount edges { node { name } } } }',
    '',
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
