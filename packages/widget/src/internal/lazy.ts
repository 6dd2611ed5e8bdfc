/**
 * Loads the heavy parts when they are needed, so the first view costs only lit, the element and
 * the small part of core that shows the pledge and checks a NIP: signature_pad when the drawing area
 * first appears (prefetched on the identity step), and the signing stack (createPledge, Ed25519,
 * RFC 8785, verifyPledge) when the signer reaches the signature step. A failed load is not cached,
 * so "Try again" really tries again.
 *
 * @module
 * @example
 * ```ts
 * const { SignatureCanvas } = await loadSignatureCanvas();
 * ```
 */

type SigningModule = typeof import('./signing.js');
type CanvasModule = typeof import('./signature-canvas.js');

let signing: Promise<SigningModule> | null = null;
let canvas: Promise<CanvasModule> | null = null;

/**
 * The signing stack.
 * @returns the `signing.js` module
 */
export function loadSigning(): Promise<SigningModule> {
  signing ??= import('./signing.js').catch((e: unknown) => {
    signing = null;
    throw e;
  });
  return signing;
}

/**
 * The drawing area (signature_pad).
 * @returns the `signature-canvas.js` module
 */
export function loadSignatureCanvas(): Promise<CanvasModule> {
  canvas ??= import('./signature-canvas.js').catch((e: unknown) => {
    canvas = null;
    throw e;
  });
  return canvas;
}
