import pg from 'pg';

/** Counts the connections whose application_name starts with a prefix, sampled in the background. */
export interface ConnectionSampler {
  /** Samples now and returns the count. */
  sample(): Promise<number>;
  /** Starts sampling every `intervalMs`; `stop` returns the samples taken. */
  start(intervalMs: number): void;
  stop(): Promise<number[]>;
  close(): Promise<void>;
}

/** Opens one connection of its own (named `tenantgate-bench-sampler`, so it never counts itself). */
export async function openConnectionSampler(adminUrl: string, applicationPrefix: string): Promise<ConnectionSampler> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'tenantgate-bench-sampler' });
  await client.connect();
  let samples: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<unknown> = Promise.resolve();
  const sample = async () => {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE $1 || '%'",
      [applicationPrefix],
    );
    const count = rows[0]?.n ?? 0;
    samples.push(count);
    return count;
  };
  return {
    sample,
    start(intervalMs) {
      samples = [];
      timer = setInterval(() => {
        // Samples run one at a time; a failed one is skipped (Postgres trouble fails the load as well).
        pending = pending.then(sample).catch(() => undefined);
      }, intervalMs);
    },
    async stop() {
      clearInterval(timer);
      await pending;
      const taken = samples;
      samples = [];
      return taken;
    },
    close: () => client.end(),
  };
}
