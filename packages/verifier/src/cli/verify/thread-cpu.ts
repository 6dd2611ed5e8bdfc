/**
 * CPU time per thread, for the benchmark's `IKRAR_VERIFY_STATS` line: the main thread (the
 * reader, the duplicate check, the report and the output), the worker threads (verifying), and
 * everything else in the process (V8's background compiler and garbage-collector threads,
 * libuv). Linux only (`/proc/thread-self`, `/proc/self/task/<tid>/stat`); elsewhere it reports
 * nothing. Node 20 has no per-thread `cpuUsage`.
 *
 * @module
 * @example
 * ```ts
 * const tid = ownThreadId(); // in a worker, sent to the main thread
 * threadCpu([tid]); // { mainMicros, workerMicros, otherMicros } or undefined
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

function ticks(tid: string): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: utime and stime are 14th and 15th.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
}

/**
 * CPU time of the live threads of this process, split by role.
 * @param workers - kernel ids of the worker threads
 * @returns microseconds per role, or `undefined` off Linux
 * @example threadCpu([4841, 4842])
 */
export function threadCpu(
  workers: readonly number[],
): { mainMicros: number; workerMicros: number; otherMicros: number } | undefined {
  try {
    const main = String(ownThreadId());
    const ws = new Set(workers.map(String));
    // USER_HZ is 100 on every Linux Node supports: one tick is 10 ms.
    const tick = 10_000;
    let mainMicros = 0;
    let workerMicros = 0;
    let otherMicros = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      let t: number;
      try {
        t = ticks(tid) * tick;
      } catch {
        continue; // a thread that ended meanwhile
      }
      if (tid === main) mainMicros += t;
      else if (ws.has(tid)) workerMicros += t;
      else otherMicros += t;
    }
    return { mainMicros, workerMicros, otherMicros };
  } catch {
    return undefined;
  }
}
