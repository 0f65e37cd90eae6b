// Process figures from /proc (Linux): CPU time (utime + stime) and resident memory of a process and its children.
import fs from 'node:fs';

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux this runs on (`getconf CLK_TCK`).
const CLOCK_TICKS_PER_SECOND = 100;

interface StatLine {
  ppid: number;
  /** utime + stime, in seconds */
  cpuSeconds: number;
}

function readStat(pid: number): StatLine | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: split after its closing parenthesis.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
  return {
    ppid: Number(fields[1]),
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND,
  };
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(Number(entry));
    children.set(stat.ppid, siblings);
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** CPU seconds (user + system) used so far by the process tree. */
export function cpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + (readStat(member)?.cpuSeconds ?? 0), 0);
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      fs.readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of the process tree now, in MB. */
export function rssMB(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + statusKiB(member, 'VmRSS'), 0) / 1024;
}

/** Peak resident memory (high-water mark) of the process tree, in MB. */
export function peakRssMB(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + statusKiB(member, 'VmHWM'), 0) / 1024;
}
