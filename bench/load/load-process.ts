import autocannon from 'autocannon';
import { summarize } from '../support/percentiles.js';
import { BENCH_BODIES, checkResponse } from './bench-query.js';
import { type LoadJob, type LoadResult } from './load-protocol.js';
import { tenantPicker } from './tenant-picker.js';

/** Per-connection state autocannon hands back to our hooks. */
interface RequestContext {
  tenant?: number;
}

async function run(job: LoadJob, durationSeconds: number, measure: boolean): Promise<LoadResult> {
  const shape = job.shape ?? 'accounts';
  const pick = tenantPicker(job.tenants.length, job.distribution, job.seed);
  const latencies: number[] = [];
  const perTenant = new Array<number>(job.tenants.length).fill(0);
  let failures = 0;
  let firstFailure: string | null = null;
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    duration: durationSeconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        body: BENCH_BODIES[shape],
        setupRequest: (request, context: RequestContext) => {
          const tenant = pick();
          context.tenant = tenant;
          perTenant[tenant] = (perTenant[tenant] ?? 0) + 1;
          const token = job.tenants[tenant]?.token ?? '';
          return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
        },
        onResponse: (status, body, context: RequestContext) => {
          const expected = job.tenants[context.tenant ?? -1];
          const problem = expected ? checkResponse(shape, status, body, expected) : 'response for an unknown tenant';
          if (problem) {
            failures += 1;
            firstFailure ??= problem;
          }
        },
      },
    ],
  }, (error, result) => (error ? fail(error) : finish(result)));
  // autocannon's own histogram keeps whole milliseconds; this keeps the exact times.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    if (measure) {
      latencies.push(responseTime);
    }
  });
  const result = await finished;
  return {
    requests: latencies.length,
    durationSeconds,
    latencies,
    requestsPerSecond: Math.round((latencies.length / durationSeconds) * 10) / 10,
    latencyMs: summarize(latencies),
    failures,
    transportErrors: result.errors + result.timeouts,
    firstFailure,
    perTenant,
    servedRequests: result.requests.total,
  };
}

// The harness is gone (interrupted or crashed): stop sending load.
process.once('disconnect', () => process.exit(0));
process.once('message', (job: LoadJob) => {
  void (async () => {
    const warmup = job.warmupSeconds > 0 ? await run(job, job.warmupSeconds, false) : null;
    const result = await run(job, job.durationSeconds, true);
    // A failure while warming up fails the phase as well.
    const failures = result.failures + (warmup?.failures ?? 0);
    const reply: LoadResult = {
      ...result,
      failures,
      firstFailure: warmup?.firstFailure ?? result.firstFailure,
      servedRequests: result.servedRequests + (warmup?.servedRequests ?? 0),
    };
    process.send?.(reply, () => process.exit(0));
  })().catch((error: unknown) => {
    process.stderr.write(`load process failed: ${String(error)}\n`);
    process.exit(1);
  });
});
