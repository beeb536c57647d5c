import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { formatEncryptionKey, generateEncryptionKey } from '../../src/crypto/key-ring.js';

const quiet = () => undefined;
const validKey = formatEncryptionKey(generateEncryptionKey('k1'));
const jwtSecret = 'x'.repeat(48);

describe('loadConfig', () => {
  test('production without an encryption key refuses to start and names the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: jwtSecret, DATABASE_URL: 'postgresql://h/db' }, quiet)).toThrow(
      /TENANTGATE_ENCRYPTION_KEY/,
    );
  });

  test('a malformed key refuses to start, names the variable and does not echo the value', () => {
    const value = 'k1:not-base64-and-too-short';
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production', TENANTGATE_ENCRYPTION_KEY: value, JWT_SECRET: jwtSecret }, quiet);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/TENANTGATE_ENCRYPTION_KEY/);
    expect(message).not.toContain('not-base64-and-too-short');
  });

  test('production without a JWT secret refuses to start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TENANTGATE_ENCRYPTION_KEY: validKey }, quiet)).toThrow(/JWT_SECRET/);
  });

  test('a short JWT secret is refused', () => {
    expect(() => loadConfig({ TENANTGATE_ENCRYPTION_KEY: validKey, JWT_SECRET: 'short' }, quiet)).toThrow(/JWT_SECRET must be at least/);
  });

  test('bad numbers name the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', TENANTGATE_ENCRYPTION_KEY: validKey, JWT_SECRET: jwtSecret }, quiet)).toThrow(/PORT/);
  });

  test('development generates and then reuses a key and a JWT secret under the data directory', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tenantgate-config-'));
    const notices: string[] = [];
    const first = loadConfig({ TENANTGATE_DATA_DIR: dataDir }, (message) => notices.push(message));
    const second = loadConfig({ TENANTGATE_DATA_DIR: dataDir }, (message) => notices.push(message));
    expect(second.keyRing.active.id).toBe(first.keyRing.active.id);
    expect(Buffer.from(second.auth.jwtSecret).equals(Buffer.from(first.auth.jwtSecret))).toBe(true);
    expect(notices.join('\n')).toMatch(/TENANTGATE_ENCRYPTION_KEY/);
    expect(notices.join('\n')).toMatch(/JWT_SECRET/);
  });

  test('defaults follow the design: 5 min config TTL, 1 h idle client TTL, port 4000', () => {
    const config = loadConfig({ TENANTGATE_ENCRYPTION_KEY: validKey, JWT_SECRET: jwtSecret }, quiet);
    expect(config.port).toBe(4000);
    expect(config.tenancy.configTtlMs).toBe(300_000);
    expect(config.tenancy.clientIdleTtlMs).toBe(3_600_000);
    expect(config.keyRing.active.id).toBe('k1');
  });

  test('the tenant connection budget defaults to 80 connections, a 5 s wait and pools that grow after 5 ms, and reads each variable', () => {
    const defaults = loadConfig({ TENANTGATE_ENCRYPTION_KEY: validKey, JWT_SECRET: jwtSecret }, quiet);
    expect(defaults.tenancy).toMatchObject({ connectionBudget: 80, budgetWaitMs: 5_000, poolGrowAfterMs: 5 });
    const set = loadConfig(
      { TENANT_CONNECTION_BUDGET: '24', TENANT_BUDGET_WAIT_MS: '1500', TENANT_POOL_GROW_AFTER_MS: '0', TENANTGATE_ENCRYPTION_KEY: validKey, JWT_SECRET: jwtSecret },
      quiet,
    );
    expect(set.tenancy).toMatchObject({ connectionBudget: 24, budgetWaitMs: 1_500, poolGrowAfterMs: 0 });
  });

  test('a connection budget below one connection is refused and named', () => {
    expect(() => loadConfig({ TENANT_CONNECTION_BUDGET: '0', TENANTGATE_ENCRYPTION_KEY: validKey, JWT_SECRET: jwtSecret }, quiet)).toThrow(
      /TENANT_CONNECTION_BUDGET/,
    );
  });

  test('the explorer is the sandbox while developing, off in production, and GRAPHQL_EXPLORER chooses it', () => {
    const secrets = { TENANTGATE_ENCRYPTION_KEY: validKey, JWT_SECRET: jwtSecret };
    expect(loadConfig(secrets, quiet).explorer).toBe('sandbox');
    expect(loadConfig({ ...secrets, NODE_ENV: 'production' }, quiet).explorer).toBe('off');
    expect(loadConfig({ ...secrets, NODE_ENV: 'production', GRAPHQL_EXPLORER: 'graphiql' }, quiet).explorer).toBe('graphiql');
    expect(() => loadConfig({ ...secrets, GRAPHQL_EXPLORER: 'playground' }, quiet)).toThrow(/GRAPHQL_EXPLORER/);
  });

  test('a previous JWT secret needs the time its tokens stop being accepted, and the time needs the secret', () => {
    const secrets = { TENANTGATE_ENCRYPTION_KEY: validKey, JWT_SECRET: jwtSecret };
    expect(() => loadConfig({ ...secrets, JWT_PREVIOUS_SECRET: 'y'.repeat(48) }, quiet)).toThrow(/JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL/);
    expect(() => loadConfig({ ...secrets, JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL: '2026-12-03T18:00:00Z' }, quiet)).toThrow(/without JWT_PREVIOUS_SECRET/);
    expect(() => loadConfig({ ...secrets, JWT_PREVIOUS_SECRET: 'y'.repeat(48), JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL: 'tomorrow' }, quiet)).toThrow(
      /JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL/,
    );
    const rotated = loadConfig({ ...secrets, JWT_PREVIOUS_SECRET: 'y'.repeat(48), JWT_PREVIOUS_SECRET_ACCEPTED_UNTIL: '2026-12-03T18:00:00Z' }, quiet);
    expect(rotated.auth.previousJwtSecret?.acceptUntil.toISOString()).toBe('2026-12-03T18:00:00.000Z');
  });
});
