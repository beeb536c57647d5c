/** A run that stops cleanly between steps when the operator presses Ctrl+C. */
export interface Interruption {
  /** Aborted on the first SIGINT/SIGTERM: finish what is in flight, start nothing new. */
  signal: AbortSignal;
  /** Removes the handlers (call when the run ends). */
  dispose(): void;
}

/**
 * Listens for SIGINT/SIGTERM while a long command runs. The first signal aborts `signal` so the
 * fleet iterator stops between tenants (the run can then be resumed); a second one exits at once
 * with 130, for an operator who cannot wait for a slow tenant.
 *
 * @param stopping - what the command does on the first signal, for the note; default: what a fleet run does.
 */
export function listenForInterrupt(
  note: (line: string) => void,
  stopping = 'finishing the tenants in flight, starting no new ones',
): Interruption {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      note(`${signal} again: exiting now`);
      process.exit(130);
    }
    note(`${signal} received: ${stopping} (Ctrl+C again to exit now)`);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
