/**
 * A random RFC 9562 version 4 UUID: `crypto.randomUUID` where the context has it (Node, pages
 * served over https; it draws from a pooled buffer, several times cheaper), else one built from
 * `crypto.getRandomValues`, which every context has (`randomUUID` exists only in secure contexts,
 * and many agency intranets are served over plain http).
 */
export function randomUuid(): string {
  const c = globalThis.crypto as Crypto & { randomUUID?: () => string };
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40; // version 4 (RFC 9562 §5.4)
  b[8] = ((b[8] as number) & 0x3f) | 0x80; // variant 10
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
