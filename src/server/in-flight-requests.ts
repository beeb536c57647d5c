/**
 * Counts the HTTP requests being handled, so shutdown can wait for them before closing the tenant
 * pools and the control plane they use. Apollo's drain only waits for open sockets: a request
 * whose client hung up keeps running after its socket is gone.
 */
export class InFlightRequests {
  private running = 0;
  private readonly waiters = new Set<() => void>();

  /** How many requests are being handled now. */
  get size(): number {
    return this.running;
  }

  /** Counts `work` as in flight until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running += 1;
    return work.finally(() => {
      this.running -= 1;
      if (this.running === 0) {
        for (const wake of this.waiters) {
          wake();
        }
        this.waiters.clear();
      }
    });
  }

  /** Resolves `true` once no request is in flight, or `false` when `timeoutMs` passes first. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }
}
