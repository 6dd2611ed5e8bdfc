/**
 * `@ikrar/widget/verifikasi`: registers `<ikrar-verifikasi>` with module Web Workers
 * (`verify-worker.js` beside this file; bundlers such as Vite follow the `new URL(…, import.meta.url)`).
 *
 * @module
 * @example
 * ```ts
 * import '@ikrar/widget/verifikasi';
 * ```
 */
import { IkrarVerifikasi } from './components/ikrar-verifikasi/ikrar-verifikasi.component.js';

IkrarVerifikasi.workerFactory ??= () =>
  new Worker(new URL('./verify-worker.js', import.meta.url), { type: 'module', name: 'ikrar-verifikasi' });

export { IkrarVerifikasi };
export type * from './events/ikrar-verified.js';
export * from './components/ikrar-verifikasi/ikrar-verifikasi.js';
