/**
 * Peak memory of a whole process tree, sampled from /proc (Linux only): every
 * `intervalMs` it sums the resident set size of the root process and all its
 * descendants (Astro's node process, worker processes, the Pagefind binary …)
 * and keeps the maximum. Shared pages are counted once per process, as `ps`
 * does, so this slightly over-states a tree of several processes.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux x86-64 and arm64 use 4 KiB pages for RSS accounting in /proc/<pid>/stat. */
const PAGE_SIZE = 4096;

/** Linux's USER_HZ: the unit of CPU times in /proc (100 on every mainstream build). */
const CLOCK_TICKS = 100;

interface ProcInfo {
  ppid: number;
  rssBytes: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

function readProcs(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), fields[1] field 4 (ppid), fields[11..12] fields 14-15 (utime, stime),
    // fields[21] field 24 (rss in pages).
    procs.set(Number(name), {
      ppid: Number(fields[1]),
      rssBytes: Number(fields[21]) * PAGE_SIZE,
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return procs;
}

/** Busy CPU time of the whole machine so far, in clock ticks (all cores, from /proc/stat). */
export function machineBusyTicks(): number {
  const first = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  // cpu  user nice system idle iowait irq softirq steal …
  const [user, nice, system, , , irq, softirq, steal] = first.trim().split(/\s+/).slice(1).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}

/** Sum of RSS of `rootPid` and every descendant, how many processes that was, and each one's CPU time. */
export function treeRss(rootPid: number): { bytes: number; processes: number; cpuTicks: Map<number, number> } {
  const procs = readProcs();
  const children = new Map<number, number[]>();
  for (const [pid, info] of procs) {
    const list = children.get(info.ppid);
    if (list) list.push(pid);
    else children.set(info.ppid, [pid]);
  }
  let bytes = 0;
  let processes = 0;
  const cpuTicks = new Map<number, number>();
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    const info = procs.get(pid);
    if (!info) continue;
    bytes += info.rssBytes;
    processes++;
    cpuTicks.set(pid, info.cpuTicks);
    queue.push(...(children.get(pid) ?? []));
  }
  return { bytes, processes, cpuTicks };
}

/**
 * Also keeps the CPU time of the tree (each process's last sampled utime +
 * stime, so up to one interval per process is missed) and of the whole
 * machine, so that CPU used by anything else during the build — another build
 * on the same 2-core machine — shows up as `otherCpuSeconds`.
 */
export class TreeMemorySampler {
  peakBytes = 0;
  peakProcesses = 0;
  samples = 0;
  #timer: NodeJS.Timeout | undefined;
  #cpu = new Map<number, number>();
  #machineStart = 0;
  #machineEnd = 0;

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    this.#machineStart = machineBusyTicks();
    this.sample();
    this.#timer = setInterval(() => this.sample(), this.intervalMs);
  }

  sample(): void {
    const { bytes, processes, cpuTicks } = treeRss(this.rootPid);
    for (const [pid, ticks] of cpuTicks) this.#cpu.set(pid, Math.max(ticks, this.#cpu.get(pid) ?? 0));
    this.samples++;
    if (bytes > this.peakBytes) this.peakBytes = bytes;
    if (processes > this.peakProcesses) this.peakProcesses = processes;
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#machineEnd = machineBusyTicks();
  }

  /** CPU seconds used by the tree (approximately: see the class comment). */
  get treeCpuSeconds(): number {
    let ticks = 0;
    for (const t of this.#cpu.values()) ticks += t;
    return ticks / CLOCK_TICKS;
  }

  /** CPU seconds the whole machine was busy between start() and stop(). */
  get machineCpuSeconds(): number {
    return (this.#machineEnd - this.#machineStart) / CLOCK_TICKS;
  }
}
