import { type AppConfig } from '../config/app-config.js';
import { createControlPlane, type ControlClient } from '../control/control-client.js';
import { type CliDeps } from './program.js';

/** What an ops command gets: the parsed config and a connected control plane. */
export interface ControlSession {
  config: AppConfig;
  control: ControlClient;
  controlDatabaseUrl: string;
}

/**
 * Runs `work` with a control-plane client that is closed afterwards, whatever happens. Ops
 * commands need a few connections only: the fleet's own connections are each datasource's.
 */
export async function withControlPlane<T>(deps: CliDeps, work: (session: ControlSession) => Promise<T>): Promise<T> {
  const config = deps.config();
  const controlDatabaseUrl = config.controlDatabaseUrl;
  if (!controlDatabaseUrl) {
    throw new Error('DATABASE_URL (the control-plane database) is required for fleet commands');
  }
  const plane = createControlPlane(controlDatabaseUrl, 3);
  try {
    return await work({ config, control: plane.client, controlDatabaseUrl });
  } finally {
    await plane.close();
  }
}

/** Caps a requested concurrency at the tenant connection budget, saying so when it does. */
export function budgetedConcurrency(requested: number, config: AppConfig, note: (line: string) => void): number {
  const budget = config.tenancy.connectionBudget;
  if (requested > budget) {
    note(`--concurrency ${requested} is above TENANT_CONNECTION_BUDGET (${budget}); using ${budget}`);
    return budget;
  }
  return requested;
}
