// What the verifier's benchmarks share: running the built command with its CPU split, and the
// statistics of paired runs. Speed is measured by the benchmarks, never asserted in tests.
import { spawn } from 'node:child_process';

/**
 * Runs `node <command> ...args` with IKRAR_VERIFY_STATS, stdout discarded, and reads the stats line
 * the command writes to stderr (CPU µs over every thread and its split, peak RSS, the summary).
 * @param {string} command - the command's bin.js
 * @param {string[]} args
 * @param {Record<string, string>} [env] - added to this process's environment
 */
export function runVerify(command, args, env = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [command, ...args], {
      env: { ...process.env, ...env, IKRAR_VERIFY_STATS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const m = /ikrar-verify-stats (\{.*\})/.exec(err);
      const stats = m ? JSON.parse(m[1]) : {};
      resolve({
        code,
        seconds,
        rss: stats.maxRssKiB,
        cpu: stats.cpuMicros,
        main: stats.mainMicros,
        mainSystem: stats.mainSystemMicros,
        workers: stats.workerMicros,
        other: stats.otherMicros,
        summary: stats.summary ?? {},
        err: m ? '' : err,
      });
    });
  });
}

/** The median of numbers. */
export const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/**
 * A distribution-free confidence interval for the median of `xs` (sign test, order statistics):
 * [x(k), x(n+1-k)] with the largest k whose coverage 1 - 2·P(Binomial(n, ½) < k) is still ≥ 90%.
 * It assumes only that the pairs are independent; 5 pairs give [min, max] at 93.8%.
 */
export function medianInterval(xs) {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  const below = (k) => {
    let p = 0;
    let c = 1; // C(n, 0)
    for (let i = 0; i < k; i++) {
      p += c / 2 ** n;
      c = (c * (n - i)) / (i + 1);
    }
    return p;
  };
  let k = 1;
  while (k + 1 <= n / 2 && 1 - 2 * below(k + 1) >= 0.9) k++;
  const coverage = 1 - 2 * below(k);
  return { low: v[k - 1], high: v[n - k], coverage };
}
