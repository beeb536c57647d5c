import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import pg from 'pg';
import { type KeyRing } from '../../crypto/key-ring.js';
import { open } from '../../crypto/secret-box.js';
import { errorDetails } from '../migrations/migration-error.js';
import { readMigrationStatus } from '../migrations/migrator.js';
import { describeDatabaseFailure } from '../provisioning/connection-failure.js';
import { failed, passed, type StepOutcome } from './doctor-report.js';

/** The datasource fields the steps read. */
export interface DoctorDatasource {
  id: string;
  name: string;
  encryptedUrl: string;
  keyId: string;
}

/** Opens the sealed URL; the hint says which key to configure or that the secret must be re-sealed. */
export function decryptStep(keyRing: KeyRing, datasource: DoctorDatasource): { outcome: StepOutcome; url: string | null } {
  try {
    const url = open(keyRing, datasource.encryptedUrl, datasource.id);
    return { outcome: passed(`opened with key "${datasource.keyId}"`), url };
  } catch (error) {
    const reason = (error as { reason?: string }).reason;
    const hint =
      reason === 'UNKNOWN_KEY'
        ? `add the key "${datasource.keyId}" to TENANTGATE_ENCRYPTION_KEYS_PREVIOUS (or make it TENANTGATE_ENCRYPTION_KEY), then run \`tenantgate keys rotate\``
        : `the key configured as "${datasource.keyId}" is not the one that sealed this secret, or the row was altered; configure the right key, or seal the URL again with \`tenantgate datasource encrypt --datasource-id ${datasource.id}\``;
    return { outcome: failed(errorDetails(error).message, hint), url: null };
  }
}

/** Resolves the host and opens a TCP connection to its port, without speaking Postgres. */
export async function networkStep(url: string, timeoutMs: number): Promise<StepOutcome> {
  const { hostname, port: rawPort } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  const port = Number(rawPort || 5432);
  let address: string;
  try {
    address = (await lookup(host)).address;
  } catch (error) {
    return failed(`host "${host}" does not resolve (${errorDetails(error).code ?? 'DNS error'})`, 'check the host name in the datasource URL and the DNS of this machine');
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host: address, port, timeout: timeoutMs });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('timeout', () => {
        socket.destroy();
        reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
      });
      socket.once('error', reject);
    });
  } catch (error) {
    const code = errorDetails(error).code ?? 'error';
    const hint =
      code === 'ECONNREFUSED'
        ? `nothing listens on ${host}:${port}: check that the server runs and the port in the datasource URL`
        : `a firewall or the network drops traffic to ${host}:${port}; check security groups and routes`;
    return failed(`cannot open TCP ${host}:${port} (${code})`, hint);
  }
  return passed(`${host} → ${address}, TCP port ${port} open`);
}

/** Logs in with the URL's credentials and asks who it is. */
export async function authenticationStep(url: string, timeoutMs: number): Promise<StepOutcome> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, application_name: 'tenantgate-doctor' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ who: string; db: string }>('SELECT current_user AS who, current_database() AS db');
    return passed(`signed in as "${rows[0]?.who}" to database "${rows[0]?.db}"`);
  } catch (error) {
    const code = errorDetails(error).code;
    const hints: Record<string, string> = {
      '28P01': 'the password (or user) in the stored URL is wrong: fix the role, or seal the right URL with `tenantgate datasource encrypt`',
      '28000': 'pg_hba.conf refuses this client or role: allow it on the server',
      '3D000': 'the database in the URL does not exist: create it, or point the datasource at the right one',
      '53300': 'the server has no free connection slots: lower pool sizes or raise max_connections',
    };
    return failed(describeDatabaseFailure(error, url), hints[code ?? ''] ?? 'check the credentials and database in the datasource URL');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Compares the database's `_prisma_migrations` with the committed migrations and the control plane's record. */
export async function schemaStep(url: string, migrationsDir: string, recorded: string | null): Promise<StepOutcome> {
  let status;
  try {
    status = await readMigrationStatus({ databaseUrl: url, migrationsDir });
  } catch (error) {
    return failed(describeDatabaseFailure(error, url), 'the migration history could not be read; check the role may read _prisma_migrations');
  }
  const migrate = 'run `tenantgate migrate --tenant <slug>`';
  if (status.failed.length > 0) {
    return failed(`migration ${status.failed.join(', ')} failed and is unresolved`, `inspect the database, mark the attempt rolled back, then ${migrate}`);
  }
  if (status.pending.length > 0) {
    return failed(
      `${status.pending.length} migration(s) pending: database at ${status.latest ?? 'nothing'}, code expects ${status.pending.at(-1)}`,
      migrate,
    );
  }
  if (status.unknown.length > 0) {
    return failed(`database has migrations this code does not know: ${status.unknown.join(', ')}`, 'deploy the gateway build that matches the database');
  }
  if (recorded !== status.latest) {
    return failed(`the control plane records ${recorded ?? 'no version'}, the database is at ${status.latest}`, `${migrate} to record the version`);
  }
  return passed(`at ${status.latest} (${status.applied.length} applied, none pending)`);
}

/** How busy the server is, from its own view: connections to this database and free slots. */
export async function poolStep(url: string, timeoutMs: number, gatewayView: string | null): Promise<StepOutcome> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, application_name: 'tenantgate-doctor' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ here: string; tenantgate: string; total: string; max: string }>(
      `SELECT count(*) FILTER (WHERE datname = current_database()) AS here,
              count(*) FILTER (WHERE datname = current_database() AND application_name LIKE 'tenantgate%') AS tenantgate,
              count(*) AS total, current_setting('max_connections') AS max
         FROM pg_stat_activity WHERE backend_type = 'client backend'`,
    );
    const row = rows[0] ?? { here: '0', tenantgate: '0', total: '0', max: '0' };
    const detail = `server: ${row.here} connection(s) to this database (${row.tenantgate} from tenantgate), ${row.total} of ${row.max} in use` +
      (gatewayView === null ? '' : `; gateway: ${gatewayView}`);
    if (Number(row.total) >= Number(row.max) - 3) {
      return failed(detail, 'the server is almost out of connection slots: lower pool sizes or TENANT_CONNECTION_BUDGET, or raise max_connections');
    }
    return passed(detail);
  } catch (error) {
    return failed(describeDatabaseFailure(error, url), 'the server could not be asked for its connection counts');
  } finally {
    await client.end().catch(() => undefined);
  }
}
