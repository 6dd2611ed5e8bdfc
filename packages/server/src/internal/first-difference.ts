/**
 * Where a posted credential differs from the one the service builds from its own data: every
 * differing path, as `credentialSubject.pledge.points[2]`.
 */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every path where `actual` differs from `expected` (missing, extra, or a different value). */
export function differences(expected: unknown, actual: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 64) return out;
  if (isObject(expected) && isObject(actual)) {
    for (const k of Object.keys(actual)) {
      if (!Object.hasOwn(expected, k)) out.push(path ? `${path}.${k}` : k);
    }
    for (const k of Object.keys(expected)) {
      const p = path ? `${path}.${k}` : k;
      if (!Object.hasOwn(actual, k)) out.push(p);
      else differences(expected[k], actual[k], p, out);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(path);
    else expected.forEach((e, i) => differences(e, actual[i], `${path}[${i}]`, out));
  } else if (expected !== actual) {
    out.push(path || '$');
  }
  return out;
}
