// What each thread of `ikrar-verify` holds, for issue #17's "at most +25 MB per further worker".
// Loaded with `node --import` into the command, it runs in the main thread and in every worker
// (workers inherit the main thread's execArgv). Each thread samples its own V8 heap (committed and
// used bytes per space, external memory) every PROBE_MS (10) ms and keeps the highest of each; a
// worker also samples as it answers each job (a busy worker's timers can wait a whole job), and
// with `--expose-gc` measures what is still alive after a full collection every 25 answers. The
// main thread also keeps the process's VmRSS and its own heap at the moment RSS peaked. Each
// thread writes `ikrar-heap-probe {json}` lines to stderr (fd 2, written at once): workers every
// 25 answers (running peaks: the last line of a thread is its peak), the main thread at exit.
// Run: node --expose-gc --import ./bench/heap-probe.mjs bin.js records.jsonl --trust trust.json --jobs 2
// or `node bench/heap-table.mjs`, which runs it for --jobs 1 to 4 and prints the table.
import fs from 'node:fs';
import v8 from 'node:v8';
import { isMainThread, parentPort, threadId } from 'node:worker_threads';

const every = Number(process.env.PROBE_MS ?? 10);
const peak = {};
let atPeakRss;
let live;

function sample() {
  const h = v8.getHeapStatistics();
  const now = { physical: h.total_physical_size, used: h.used_heap_size, external: h.external_memory };
  for (const s of v8.getHeapSpaceStatistics()) {
    const name = s.space_name.replace(/_space$/, '');
    now[`${name}.committed`] = s.physical_space_size;
    now[`${name}.used`] = s.space_used_size;
  }
  if (isMainThread) {
    now.arrayBuffers = process.memoryUsage().arrayBuffers;
    now.rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
    if (now.rss > (atPeakRss?.rss ?? 0)) atPeakRss = now;
  }
  for (const k in now) if (!(now[k] <= peak[k])) peak[k] = now[k];
}

function report() {
  const line = { thread: threadId, peak, ...(live && { live }), ...(atPeakRss && { atPeakRss }) };
  fs.writeSync(2, `ikrar-heap-probe ${JSON.stringify(line)}\n`);
}

setInterval(sample, every).unref();
if (isMainThread) {
  process.on('exit', () => {
    sample();
    report();
  });
} else if (parentPort) {
  // Wrapped, not listened to: a 'message' listener added here would take the first job before
  // the worker's own listener exists.
  const post = parentPort.postMessage.bind(parentPort);
  let answers = 0;
  parentPort.postMessage = (...args) => {
    sample();
    if (++answers % 25 === 0) {
      if (typeof globalThis.gc === 'function') {
        globalThis.gc();
        live = {};
        for (const s of v8.getHeapSpaceStatistics()) live[s.space_name.replace(/_space$/, '')] = s.space_used_size;
      }
      report();
    }
    return post(...args);
  };
}
