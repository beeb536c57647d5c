import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
const MS_PER_TICK = 10;

interface ProcStat {
  ppid: number;
  /** utime + stime of the process itself. */
  ownTicks: number;
  /** cutime + cstime: what its exited, reaped children used. */
  reapedChildTicks: number;
}

function readProcStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
  const field = (n: number) => fields[n - 3] ?? 0;
  return { ppid: field(4), ownTicks: field(14) + field(15), reapedChildTicks: field(16) + field(17) };
}

/**
 * CPU time (ms) a server process tree has used so far: the root, its live children, and its children
 * that already exited. For PostgreSQL the root is the postmaster and the children are its backends,
 * so the difference between two readings is everything the server did in between, including the
 * start-up of backends that came and went. Null when /proc cannot be read (not Linux).
 */
export function processTreeCpuMs(rootPid: number): number | null {
  const root = readProcStat(rootPid);
  if (!root) {
    return null;
  }
  let ticks = root.ownTicks + root.reapedChildTicks;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === rootPid) {
      continue;
    }
    const stat = readProcStat(pid);
    if (stat?.ppid === rootPid) {
      ticks += stat.ownTicks + stat.reapedChildTicks;
    }
  }
  return ticks * MS_PER_TICK;
}

/** CPU time (ms) so far of the server under test and of PostgreSQL (null: not readable). */
export interface CpuReading {
  server: number;
  postgres: number | null;
}

/** Takes a reading from the server's own stats sample and the postmaster's process tree. */
export function readCpu(serverCpuMs: number, postmasterPid: number | null): CpuReading {
  return { server: serverCpuMs, postgres: postmasterPid === null ? null : processTreeCpuMs(postmasterPid) };
}

/** What each used between two readings. */
export function cpuBetween(start: CpuReading, end: CpuReading): CpuReading {
  return {
    server: end.server - start.server,
    postgres: start.postgres === null || end.postgres === null ? null : end.postgres - start.postgres,
  };
}
