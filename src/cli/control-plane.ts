import { type AppConfig } from '../config/app-config.js';
import { createControlPlane, type ControlClient } from '../control/control-client.js';

/**
 * Opens the control plane named by `DATABASE_URL` for one command and closes it afterwards, even
 * when the command fails. Two connections: fleet commands query it one step at a time.
 *
 * @throws Error when `DATABASE_URL` is unset; the message says what to set.
 */
export async function withControlPlane<T>(config: AppConfig, run: (control: ControlClient) => Promise<T>): Promise<T> {
  if (!config.controlDatabaseUrl) {
    throw new Error('DATABASE_URL must name the control-plane database (the one `tenantgate serve` uses)');
  }
  const controlPlane = createControlPlane(config.controlDatabaseUrl, 2);
  try {
    return await run(controlPlane.client);
  } finally {
    await controlPlane.close();
  }
}
