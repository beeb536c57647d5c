import type pg from 'pg';

/** One check of /readyz. */
export type CheckOutcome = 'ok' | 'failed';

/** What /readyz answers: ready only when every check passed. */
export interface ReadinessReport {
  ready: boolean;
  checks: { controlPlane: CheckOutcome; changeListener: CheckOutcome };
}

/** What the probe looks at. */
export interface ReadinessSources {
  /** The control-plane pool, asked `SELECT 1`. */
  controlPool: pg.Pool;
  /** Whether the change listener is subscribed. */
  listenerAlive: () => boolean;
  /** How long the control plane may take to answer (config default 2 s). */
  timeoutMs: number;
}

async function answersWithin(pool: pg.Pool, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The readiness probe: the control plane answers a trivial query in time, and the change listener
 * is subscribed (without it this replica would serve routes other replicas have dropped).
 */
export function readinessProbe(sources: ReadinessSources): () => Promise<ReadinessReport> {
  return async () => {
    const controlPlane: CheckOutcome = (await answersWithin(sources.controlPool, sources.timeoutMs)) ? 'ok' : 'failed';
    const changeListener: CheckOutcome = sources.listenerAlive() ? 'ok' : 'failed';
    return { ready: controlPlane === 'ok' && changeListener === 'ok', checks: { controlPlane, changeListener } };
  };
}
