/**
 * CPU time per thread and peak memory, for the benchmark's `IKRAR_VERIFY_STATS` line: the main thread (the
 * reader, the duplicate check, the report and the output), the worker threads (verifying), and
 * everything else in the process (V8's background compiler and garbage-collector threads,
 * libuv). Linux only (`/proc/thread-self`, `/proc/self/task/<tid>/stat`); elsewhere it reports
 * nothing. Node 20 has no per-thread `cpuUsage`.
 *
 * @module
 * @example
 * ```ts
 * const tid = ownThreadId(); // in a worker, sent to the main thread
 * threadCpu([tid]); // { mainMicros, mainSystemMicros, workerMicros, otherMicros } or undefined
 * ```
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * The kernel's id of the calling thread.
 * @returns the id, or `undefined` off Linux
 * @example ownThreadId() // 4841
 */
export function ownThreadId(): number | undefined {
  try {
    // "/proc/thread-self" -> "<pid>/task/<tid>"
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return undefined;
  }
}

/** User and system ticks of one thread. */
function ticks(tid: string): [number, number] {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: utime and stime are 14th and 15th.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(f[11]), Number(f[12])];
}

/** CPU microseconds per role; `mainSystemMicros` is the kernel's part of `mainMicros`. */
export interface ThreadCpu {
  readonly mainMicros: number;
  readonly mainSystemMicros: number;
  readonly workerMicros: number;
  readonly otherMicros: number;
}

/**
 * CPU time of the live threads of this process, split by role.
 * @param workers - kernel ids of the worker threads
 * @returns microseconds per role, or `undefined` off Linux
 * @example threadCpu([4841, 4842])
 */
export function threadCpu(workers: readonly number[]): ThreadCpu | undefined {
  try {
    const main = String(ownThreadId());
    const ws = new Set(workers.map(String));
    // USER_HZ is 100 on every Linux Node supports: one tick is 10 ms.
    const tick = 10_000;
    let mainMicros = 0;
    let mainSystemMicros = 0;
    let workerMicros = 0;
    let otherMicros = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      let user: number;
      let system: number;
      try {
        [user, system] = ticks(tid);
      } catch {
        continue; // a thread that ended meanwhile
      }
      const t = (user + system) * tick;
      if (tid === main) {
        mainMicros += t;
        mainSystemMicros += system * tick;
      } else if (ws.has(tid)) workerMicros += t;
      else otherMicros += t;
    }
    return { mainMicros, mainSystemMicros, workerMicros, otherMicros };
  } catch {
    return undefined;
  }
}

/**
 * Peak resident memory of this process since it started, for the same statistics line. On Linux
 * the kernel's high-water mark of this program (`VmHWM`): `getrusage`'s `maxrss` also counts the
 * parent's memory the process was forked with, so a run started by a large process (the
 * benchmark) would report that process's size.
 * @returns KiB
 * @example peakRssKiB() // 153128
 */
export function peakRssKiB(): number {
  try {
    const m = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}
