/** Signals that stop a running server: Ctrl+C, a process manager, a closed terminal. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How often the server checks that the process that started it is still there. */
const PARENT_CHECK_MS = 1000;

/**
 * Resolves once the server should stop: on a signal, or when the process that started it is gone.
 * Call it before starting anything, so a signal that arrives during start-up still ends in an
 * orderly stop instead of the default exit, which would leave the embedded PostgreSQL behind.
 * `npm start` forwards SIGINT/SIGTERM to us but dies of SIGHUP, SIGQUIT or SIGKILL without telling
 * us, which re-parents this process; the periodic parent check turns that into a shutdown too, so
 * no orphaned gateway keeps the port after npm is gone.
 */
export function shutdownRequested(note: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const parent = process.ppid;
    const request = (reason: string) => {
      if (parentCheck === undefined) {
        return;
      }
      clearInterval(parentCheck);
      parentCheck = undefined;
      note(`\n${reason}, shutting down...`);
      resolve();
    };
    let parentCheck: NodeJS.Timeout | undefined = setInterval(() => {
      if (process.ppid !== parent) {
        request(`the process that started tenantgate (pid ${parent}) is gone`);
      }
    }, PARENT_CHECK_MS);
    parentCheck.unref();
    for (const signal of STOP_SIGNALS) {
      process.on(signal, () => request(`${signal} received`));
    }
  });
}

/** Stops what `stop` closes and maps the outcome to an exit code. */
export function stopWithExitCode(stop: () => Promise<void>): Promise<number> {
  return stop().then(
    () => 0,
    () => 1,
  );
}
