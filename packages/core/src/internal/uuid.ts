/**
 * A random RFC 9562 version 4 UUID. `crypto.randomUUID` exists only in secure contexts, and many
 * agency intranets are served over plain http, so this builds one from `crypto.getRandomValues`,
 * which every context has.
 */
export function randomUuid(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40; // version 4 (RFC 9562 §5.4)
  b[8] = ((b[8] as number) & 0x3f) | 0x80; // variant 10
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
