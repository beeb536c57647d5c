import pg from 'pg';

/** Runs `work` on a connection of its own (named `tenantgate-bench-setup`) and always closes it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'tenantgate-bench-setup' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
