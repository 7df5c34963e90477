/**
 * CPU time and resident memory of other processes, read from Linux's /proc (proc(5)), so the bench measures
 * the server's own process, not the load generator's.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (`getconf CLK_TCK`; 100 on every Linux seen). */
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * User + system CPU time of a process so far, in ms (fields 14 and 15 of /proc/<pid>/stat, resolution
 * 1000 / CLK_TCK ms); NaN once the process is gone.
 */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count fields after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/**
 * Pins a process and all its threads to `cpus` (a `taskset -c` list), so on a bigger machine the server
 * and the load generator do not compete for the same cores. Threads it starts later inherit the set.
 */
export function pinToCpus(pid: number, cpus: string | undefined): void {
  if (cpus) execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], { stdio: 'ignore' });
}

/** Resident set size of a process in KiB (VmRSS of /proc/<pid>/status); NaN once the process is gone. */
export function rssKibOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** CPU used by the server and by the load generator over one measured window. */
export interface CpuWindow {
  /** Wall time of the window, in ms. */
  wallMs: number;
  serverMs: number;
  /** The bench process itself plus every generator worker. */
  generatorMs: number;
}

/**
 * Starts measuring: `stop()` returns the CPU the server process and the generator processes (this one
 * included) used since. Pids are read at start; a process that ends meanwhile counts as NaN.
 *
 * @example
 * const window = measureCpu(server.pid, workers.pids);
 * await run();
 * const { serverMs, wallMs } = window.stop();
 */
export function measureCpu(serverPid: number, generatorPids: number[]): { stop(): CpuWindow } {
  const start = performance.now();
  const server = cpuMsOf(serverPid);
  const self = process.cpuUsage();
  const workers = generatorPids.map(cpuMsOf);
  return {
    stop() {
      const own = process.cpuUsage(self);
      const workerMs = generatorPids.reduce((sum, pid, i) => sum + cpuMsOf(pid) - workers[i]!, 0);
      return { wallMs: performance.now() - start, serverMs: cpuMsOf(serverPid) - server, generatorMs: workerMs + (own.user + own.system) / 1000 };
    },
  };
}
