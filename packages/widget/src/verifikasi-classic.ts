/**
 * The classic-script bundle of `<ikrar-verifikasi>` (`dist/browser/ikrar-verifikasi.classic.js`),
 * for pages opened from `file://` (a USB stick), where browsers refuse module scripts: one file
 * that registers the element in a page and, started as a Web Worker from its own URL, verifies.
 * Where workers cannot start (Chromium refuses them on `file://`), the page's thread verifies.
 *
 * @module
 */
import { startVerifyWorker } from './internal/verify/worker-main.js';

declare const document: Document | undefined;

if (typeof document === 'undefined') {
  startVerifyWorker(self as unknown as Parameters<typeof startVerifyWorker>[0]);
} else {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  void import('./verifikasi-define-classic.js').then(({ IkrarVerifikasi }) => {
    if (src && !src.startsWith('file:')) {
      IkrarVerifikasi.workerFactory ??= () => new Worker(src, { name: 'ikrar-verifikasi' });
    }
  });
}
