import { readFileSync } from 'node:fs';

/** A process as a work folder names its owner: the pid and, where the system tells, when it started. */
export interface ProcessOwner {
  pid: number;
  /** Start time in clock ticks since boot (Linux `/proc/<pid>/stat` field 22); '' where unknown. */
  start: string;
}

/** This process, as it names the work folders it creates. */
export function currentOwner(): ProcessOwner {
  return { pid: process.pid, start: startOf(process.pid) ?? '' };
}

/**
 * Whether the process that made a work folder is still running. A pid alone is not enough: pids
 * are reused, so where the start time is known (Linux) it must match too. Elsewhere a live pid
 * counts as the owner, which may keep a stale folder until that pid is gone (or the next boot,
 * see sweep.ts) but never deletes a live writer's files.
 */
export function isRunning(owner: ProcessOwner): boolean {
  if (!pidExists(owner.pid)) return false;
  if (!owner.start) return true;
  const start = startOf(owner.pid);
  return start === undefined || start === owner.start;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux only: field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
function startOf(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[22 - 3];
    return start && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}
