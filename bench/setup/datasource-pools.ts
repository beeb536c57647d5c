import pg from 'pg';

/**
 * Sets the pool size recorded on every dedicated bench datasource, as an operator would size a
 * fleet's pools; gateways started afterwards build their clients with it.
 */
export async function setDedicatedPoolSizes(controlUrl: string, poolMax: number): Promise<void> {
  const client = new pg.Client({ connectionString: controlUrl, application_name: 'tenantgate-bench-setup' });
  await client.connect();
  try {
    await client.query("UPDATE datasources SET pool_max = $1 WHERE kind = 'DEDICATED'", [poolMax]);
  } finally {
    await client.end();
  }
}
