import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedPostgresError, run } from './access.mjs';

const READY = 'database system is ready to accept connections';

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Waits for `pid` to exit, escalating from a fast shutdown (SIGINT) to an immediate one (SIGQUIT)
 * and finally SIGKILL.
 * @param {number} pid
 */
async function stopProcess(pid) {
  for (const [signal, waitMs] of /** @type {const} */ ([['SIGINT', 10_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]])) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; ) {
      if (!isAlive(pid)) {
        return;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

/** The parent pid and whether the process works in `dir` (Linux /proc; `ps` elsewhere). */
async function describe(pid, dir) {
  if (existsSync(`/proc/${pid}`)) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    let cwd = '';
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      // A process of another user whose cwd cannot be read is not ours to stop.
    }
    const parentIsNode = existsSync(`/proc/${ppid}/comm`) && readFileSync(`/proc/${ppid}/comm`, 'utf8').trim() === 'node';
    return { ours: cwd === realpathSync(dir), ppid, parentIsNode };
  }
  const line = await run('ps', ['-o', 'ppid=,command=', '-p', String(pid)]).catch(() => '');
  const ppid = Number(line.trim().split(/\s+/)[0]);
  const parent = ppid ? await run('ps', ['-o', 'comm=', '-p', String(ppid)]).catch(() => '') : '';
  return { ours: line.includes('postgres') && line.includes(dir), ppid, parentIsNode: /node$/.test(parent) };
}

/**
 * Stops a postmaster left running on this data directory by a run that was killed, so this start
 * does not find the port and the cluster taken. A postmaster still owned by a live node process
 * (another `tenantgate dev`) is refused with a message instead.
 * @param {string} dir
 * @param {(message: string) => void} notice
 */
export async function stopOrphanedPostmaster(dir, notice) {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) {
    return;
  }
  const { ours, ppid, parentIsNode } = await describe(pid, dir);
  if (!ours) {
    return;
  }
  if (parentIsNode) {
    throw new EmbeddedPostgresError(
      `the PostgreSQL cluster in ${dir} is in use by a running process (pid ${ppid}, e.g. another \`tenantgate dev\`).\n  Fix: stop that process first, or use another TENANTGATE_DATA_DIR and EMBEDDED_PG_PORT.`,
    );
  }
  notice(`stopping PostgreSQL (pid ${pid}) left running on ${dir} by an earlier run that was killed`);
  await stopProcess(pid);
}

/**
 * Spawns a program of the installation and resolves with its output when it exits with 0.
 * @param {string} binary
 * @param {string[]} args
 * @param {{ uid?: number, gid?: number }} identity
 */
export function runToCompletion(binary, args, identity) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { ...identity, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new EmbeddedPostgresError(`cannot run ${binary}: ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolvePromise(output) : reject(new EmbeddedPostgresError(`${binary} failed (exit code ${code}):\n${output.trim()}`))));
  });
}

/**
 * Starts the postmaster in its own process group (so a terminal's Ctrl+C reaches only the gateway,
 * which stops it after its requests are done) and resolves once it accepts connections.
 * @param {{ binary: string, dir: string, port: number, flags: string[], identity: { uid?: number, gid?: number }, onLog: (line: string) => void }} options
 * @returns {Promise<{ pid: number, stop(): Promise<void> }>}
 */
export function startPostmaster({ binary, dir, port, flags, identity, onLog }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, ['-D', dir, '-p', String(port), '-c', 'unix_socket_directories=', ...flags], {
      ...identity,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    const recent = [];
    let ready = false;
    const exited = new Promise((done) => child.once('exit', done));
    const onOutput = (chunk) => {
      const text = String(chunk);
      onLog(text);
      recent.push(...text.trim().split('\n'));
      recent.splice(0, Math.max(0, recent.length - 10));
      if (!ready && text.includes(READY)) {
        ready = true;
        resolvePromise({
          pid: /** @type {number} */ (child.pid),
          async stop() {
            if (child.exitCode === null && child.signalCode === null) {
              await Promise.all([exited, stopProcess(/** @type {number} */ (child.pid))]);
            }
          },
        });
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', (error) => reject(new EmbeddedPostgresError(`cannot start ${binary}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (ready) {
        return;
      }
      const log = recent.join('\n');
      const hint = /could not bind|already in use/i.test(log)
        ? `  Fix: port ${port} is taken by another program; set EMBEDDED_PG_PORT to a free port.`
        : '  Fix: read the server log above; delete the data directory to start from an empty cluster.';
      reject(new EmbeddedPostgresError(`embedded PostgreSQL exited during start (code ${code ?? signal}) on port ${port}, data directory ${dir}:\n${log}\n${hint}`));
    });
  });
}
