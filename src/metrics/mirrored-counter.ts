import { Counter, type Registry } from 'prom-client';

/**
 * A Prometheus counter that follows a cumulative count kept elsewhere (the pool's and the audit
 * log's own stats), read at scrape time, so the request path pays nothing for it.
 */
export function mirroredCounter(registry: Registry, name: string, help: string, read: () => number): void {
  let seen = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = read();
      if (now > seen) {
        this.inc(now - seen);
        seen = now;
      }
    },
  });
}
