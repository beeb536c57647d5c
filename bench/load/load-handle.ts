import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LoadJob, type LoadResult } from './load-protocol.js';

/** Runs one load job in a separate process (autocannon over loopback) and returns its result. */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  const child = fork(fileURLToPath(new URL('./load-process.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: LoadResult | null = null;
    child.once('message', (message: LoadResult) => {
      result = message;
    });
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load process exited with code ${code} without a result`))));
    child.send(job);
  });
}
