import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ServerKind, type ServerReply, type ServerStats } from './server-protocol.js';

/** A server under test running in its own process. */
export interface ServerHandle {
  kind: ServerKind;
  url: string;
  pid: number;
  /** Samples the server's memory, event-loop delay, pool and activation timings. */
  stats(options?: { resetLoopDelay?: boolean; gc?: boolean }): Promise<ServerStats>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
}

/** Forks `server-process.js` with `env` added to this process's environment and waits until it listens. */
export async function startServer(kind: ServerKind, env: Record<string, string>): Promise<ServerHandle> {
  const child = fork(fileURLToPath(new URL('./server-process.js', import.meta.url)), [kind], {
    // The load comes from one user per tenant at thousands of requests a minute: the abuse limits
    // would refuse it, and the bench measures routing, not them.
    env: { ...process.env, RATE_LIMIT_USER_REQUESTS: '0', RATE_LIMIT_TENANT_REQUESTS: '0', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with code ${code} before it was ready`)));
    child.on('message', (message: ServerReply) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
  });
  let nextId = 0;
  return {
    kind,
    url,
    pid: child.pid ?? 0,
    stats(options = {}) {
      const id = (nextId += 1);
      return new Promise((resolve, reject) => {
        const onMessage = (message: ServerReply) => {
          if (message.type === 'stats' && message.id === id) {
            child.off('message', onMessage);
            resolve(message.stats);
          }
        };
        child.on('message', onMessage);
        if (!child.send({ type: 'stats', id, resetLoopDelay: options.resetLoopDelay ?? false, gc: options.gc ?? false })) {
          child.off('message', onMessage);
          reject(new Error(`${kind} server is gone`));
        }
      });
    },
    async stop() {
      const exited = waitForExit(child);
      if (child.connected) {
        child.send({ type: 'stop' });
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
