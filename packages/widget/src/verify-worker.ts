/**
 * The module Web Worker of `<ikrar-verifikasi>` (see `internal/verify/worker-main.ts`).
 *
 * @module
 */
import { startVerifyWorker } from './internal/verify/worker-main.js';

startVerifyWorker(self as unknown as Parameters<typeof startVerifyWorker>[0]);
