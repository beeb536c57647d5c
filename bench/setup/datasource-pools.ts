import { withClient } from '../support/pg-client.js';

/**
 * Sets the pool size recorded on every dedicated bench datasource, as an operator would size a
 * fleet's pools; gateways started afterwards build their clients with it.
 */
export async function setDedicatedPoolSizes(controlUrl: string, poolMax: number): Promise<void> {
  await withClient(controlUrl, (client) => client.query("UPDATE datasources SET pool_max = $1 WHERE kind = 'DEDICATED'", [poolMax]));
}
