/**
 * Whether a JSONL line is already its own RFC 8785 canonical form, read from its UTF-8 bytes, and
 * where its top-level `proof` member is. Records written by core (and the auditor example's
 * generator) are, so the document a proof secures, the record without its proofs or with the
 * ones it names, is a slice or two of the line, and is hashed as such (core's `securedBytes`
 * option) instead of being serialized again.
 *
 * A line is accepted only when `canonicalize(JSON.parse(line))` gives its bytes back: an object
 * with no whitespace outside strings; in every object, keys in strictly increasing order (RFC
 * 8785 §3.2.3; so no duplicates), each ASCII without escapes, not `__proto__` and not starting
 * with a digit; strings with only the escapes `JSON.stringify` writes (RFC 8785 §3.2.2.2: `\"`,
 * `\\`, `\b \f \n \r \t`, `\u00xx` in lower case for the other control characters); numbers only
 * as integers of at most 15 digits, no `-0` (their ECMAScript form is their digits, §3.2.2.3); no
 * deeper nesting than asked. The bytes must be valid UTF-8 (the caller decoded them strictly), so
 * no string holds a lone surrogate. Such a line is also what core's strict `parseJson` accepts
 * (no duplicate or `__proto__` key, no lone surrogate, finite numbers, bounded depth), so
 * `JSON.parse` alone reads it. Anything else gives `null`, and the record takes the full path,
 * which gives the same verdict. The grammar is `JSON.parse`'s to check: the caller parses the
 * line and takes the full path when that fails. So is the one rule of string interiors JSON has
 * beyond escapes: a raw control character (U+0000 to U+001F) is not JSON, and `JSON.parse`
 * refuses the line; the scanner does not look at each byte of a string for it.
 *
 * @module
 * @internal
 */

/** Where the top-level `proof` member of a canonical line is. */
export interface LineShape {
  /** The member with its separating comma: `[cut, cutEnd)` is removed for the record without proofs. */
  readonly cut: number;
  readonly cutEnd: number;
  /** The member's value, an object or an array (`-1` when it is neither, or there is none). */
  readonly valueStart: number;
  readonly valueEnd: number;
  /**
   * Each proof object, four numbers: its start and end, then where its `proofValue` member is cut
   * for the proof configuration (eddsa-jcs-2022 §3.3.2: the proof without `proofValue`), with the
   * comma before it, or after it when it is the first member (`-1, -1`: no string `proofValue`).
   * One proof for a single object, one per element for an array of objects; `null` for an array
   * holding anything else, or no proof object.
   */
  readonly items: readonly number[] | null;
}

const PROTO = [0x5f, 0x5f, 0x70, 0x72, 0x6f, 0x74, 0x6f, 0x5f, 0x5f]; // __proto__
const PROOF = [0x70, 0x72, 0x6f, 0x6f, 0x66]; // proof
const PROOF_VALUE = [0x70, 0x72, 0x6f, 0x6f, 0x66, 0x56, 0x61, 0x6c, 0x75, 0x65]; // proofValue

function same(b: Uint8Array, at: number, word: readonly number[]): boolean {
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return true;
}

/** Byte order of two ASCII keys, which is their UTF-16 order. */
function compare(b: Uint8Array, as: number, ae: number, bs: number, be: number): number {
  const la = ae - as;
  const lb = be - bs;
  const m = la < lb ? la : lb;
  for (let k = 0; k < m; k++) {
    const d = (b[as + k] as number) - (b[bs + k] as number);
    if (d !== 0) return d;
  }
  return la - lb;
}

/**
 * Makes a scanner; its per-depth state is allocated once and reused line after line.
 * @param maxDepth - deepest nesting accepted (the record itself is depth 1)
 * @returns a function from a line's bytes (without its newline) to its {@link LineShape}, or
 *   `null` when the line is not canonical
 */
export function createLineScanner(maxDepth: number): (b: Uint8Array) => LineShape | null {
  const kind = new Uint8Array(maxDepth + 1); // 1 object, 2 array
  const keyStart = new Int32Array(maxDepth + 1);
  const keyEnd = new Int32Array(maxDepth + 1);
  return (b) => {
    const n = b.length;
    // A canonical line is an object: `{` first and `}` last, so a number or literal read never
    // runs past the end of the line.
    if (n < 2 || b[0] !== 0x7b || b[n - 1] !== 0x7d) return null;
    // A key must close by the last `"` of the line: the key loop, which stops at a `"`, stays in bounds.
    let lastQuote = n - 2;
    while (lastQuote > 0 && b[lastQuote] !== 0x22) lastQuote--;
    // The next backslash at or after the string being read (-1: none left).
    let slash = b.indexOf(0x5c);
    let depth = -1; // the innermost open container
    // The top-level `proof` member: 0 not met, 1 its value is being read, 2 done.
    let proofState = 0;
    let cut = -1;
    let valueStart = -1;
    let valueEnd = -1;
    let items: number[] | null = null;
    // The depth of the proof objects (1: the value is one, 2: the elements of an array), and of the
    // proof list (an array's; -2 when the value is one object).
    let proofDepth = -2;
    let listDepth = -2;
    // A proof's `proofValue` key was read and its value is a string: where its cut starts.
    let valueCut = -1;
    let i = 0;
    while (i < n) {
      const c = b[i] as number;
      if (c === 0x22) {
        // A string value (keys are read where an object expects them, below). Most of a line is
        // string interiors: find the closing quote with `indexOf` (memchr on a Node Buffer)
        // instead of a loop over every byte, and check the escapes before it.
        let j = i + 1;
        for (;;) {
          const q = b.indexOf(0x22, j);
          if (q < 0) return null;
          if (slash < j) slash = slash < 0 ? -1 : b.indexOf(0x5c, j);
          if (slash < 0 || slash > q) {
            j = q;
            break;
          }
          j = slash;
          const e = b[j + 1];
          if (e === 0x22 || e === 0x5c || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
            j += 2;
            continue;
          }
          // \u00xx: only for a control character without a short form, in lower-case hex.
          if (e !== 0x75 || b[j + 2] !== 0x30 || b[j + 3] !== 0x30) return null;
          const h1 = b[j + 4] as number;
          const h2 = b[j + 5] as number;
          const lo = h2 >= 0x30 && h2 <= 0x39 ? h2 - 0x30 : h2 >= 0x61 && h2 <= 0x66 ? h2 - 0x57 : -1;
          if ((h1 !== 0x30 && h1 !== 0x31) || lo < 0) return null;
          const v = (h1 - 0x30) * 16 + lo;
          if (v === 8 || v === 9 || v === 10 || v === 12 || v === 13) return null;
          j += 6;
        }
        i = j + 1;
        if (proofState === 1 && items !== null) {
          if (depth === listDepth)
            items = null; // a string in the proof list
          else if (valueCut >= 0) {
            // The proof's `proofValue` string ends here: cut it with the comma before it, or, as
            // the first member, with the comma after it (none when it is the only one: `{}`).
            const m = items.length;
            items[m - 2] = valueCut;
            items[m - 1] = b[valueCut] === 0x2c ? i : b[i] === 0x2c ? i + 1 : i;
            valueCut = -1;
          }
        }
        continue;
      }
      let key = false;
      if (c === 0x7b || c === 0x5b) {
        depth++;
        if (depth >= maxDepth) return null;
        kind[depth] = c === 0x7b ? 1 : 2;
        keyStart[depth] = -1;
        if (depth === proofDepth && items !== null && proofState === 1) {
          if (c === 0x7b) items.push(i, -1, -1, -1);
          else items = null;
        }
        i++;
        if (c === 0x5b || b[i] === 0x7d) continue;
        key = true;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth < 0 || kind[depth] !== (c === 0x7d ? 1 : 2)) return null;
        i++;
        if (proofState === 1) {
          if (depth === proofDepth && items !== null) items[items.length - 3] = i;
          if (depth === 1) {
            valueEnd = i;
            proofState = 2;
          }
        }
        depth--;
        if (depth < 0) break;
        continue;
      } else if (c === 0x2c) {
        if (depth < 0) return null;
        if (depth === 0 && proofState === 1) {
          // The proof's value was a scalar; it ends here.
          proofState = 2;
        }
        i++;
        if (kind[depth] !== 1) continue;
        key = true;
      }
      if (key) {
        // A key: ASCII without escapes or control characters, then its colon.
        if (b[i] !== 0x22 || i >= lastQuote) return null;
        const start = i + 1;
        let j = start;
        for (;;) {
          const d = b[j] as number;
          if (d === 0x22) break;
          if (d === 0x5c || d >= 0x80 || d < 0x20) return null;
          j++;
        }
        i = j + 1;
        if (b[i] !== 0x3a) return null;
        const len = j - start;
        const first = b[start] as number;
        if (len > 0 && first <= 0x39 && first >= 0x30) return null;
        if (len === 9 && same(b, start, PROTO)) return null;
        const ps = keyStart[depth] as number;
        if (ps >= 0 && compare(b, ps, keyEnd[depth] as number, start, j) >= 0) return null;
        keyStart[depth] = start;
        keyEnd[depth] = j;
        i++; // the colon
        if (depth === proofDepth && len === 10 && proofState === 1 && b[i] === 0x22 && same(b, start, PROOF_VALUE)) {
          // A proof's own `proofValue` (keys increase, so there is one at most), and a string.
          valueCut = b[start - 2] === 0x2c ? start - 2 : start - 1;
        }
        if (depth === 0 && len === 5 && same(b, start, PROOF)) {
          // Removed with the comma before it, or after it when it is the first member.
          cut = b[start - 2] === 0x2c ? start - 2 : start - 1;
          proofState = 1;
          valueStart = i;
          const v = b[i];
          if (v !== 0x7b && v !== 0x5b) valueStart = -1;
          else {
            items = [];
            proofDepth = v === 0x7b ? 1 : 2;
            listDepth = v === 0x7b ? -2 : 1;
          }
        }
        continue;
      }
      if (depth === listDepth && items !== null && proofState === 1) items = null; // a scalar in the proof list
      if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        let j = c === 0x2d ? i + 1 : i;
        // In bounds: the line ends with `}`, which is not a digit.
        const first = b[j] as number;
        if (first === 0x30) {
          if (c === 0x2d) return null; // -0 is written 0
          j++;
        } else if (first >= 0x31 && first <= 0x39) {
          const s = j;
          while ((b[j] as number) >= 0x30 && (b[j] as number) <= 0x39) j++;
          if (j - s > 15) return null; // beyond 2^53 the digits may not survive
        } else return null;
        const after = b[j] as number;
        if (after === 0x2e || after === 0x65 || after === 0x45 || (after >= 0x30 && after <= 0x39)) return null;
        i = j;
        continue;
      }
      if (c === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65) i += 4;
      else if (c === 0x66 && b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65) i += 5;
      else if (c === 0x6e && b[i + 1] === 0x75 && b[i + 2] === 0x6c && b[i + 3] === 0x6c) i += 4;
      else return null; // whitespace, or not JSON
    }
    if (depth !== -1 || i !== n) return null;
    if (proofState === 0 || valueStart < 0 || valueEnd < 0) {
      return { cut: -1, cutEnd: -1, valueStart: -1, valueEnd: -1, items: null };
    }
    // The first member: its comma is the one after it (when there is one).
    const cutEnd = b[cut] === 0x2c ? valueEnd : b[valueEnd] === 0x2c ? valueEnd + 1 : valueEnd;
    return { cut, cutEnd, valueStart, valueEnd, items };
  };
}

/** A slicer's outputs are cut from a chunk this size (a bigger one gets its own buffer). */
const CHUNK = 64 * 1024;

/** Cuts the secured documents of canonical lines; see {@link createSlicer}. */
export interface Slicer {
  /**
   * The canonical bytes of the document a proof secures (Data Integrity 1.0 §4.2 step 6), cut
   * from a canonical line: the line without its `proof` member, or with the proofs it names in
   * place of its proofs. The proofs are found by identity in the record parsed from the line.
   * @param b - the line's bytes
   * @param shape - from the line scanner
   * @param proofs - the parsed record's `proof` value
   * @param previous - the proofs the proof names, in its order, or `undefined` for none
   * @returns the bytes, or `undefined` when they cannot be cut from the line
   */
  slice(
    b: Uint8Array,
    shape: LineShape,
    proofs: unknown,
    previous: readonly unknown[] | undefined,
  ): Uint8Array | undefined;
  /**
   * The canonical bytes of a proof's configuration (eddsa-jcs-2022 §3.3.2: the proof without
   * `proofValue`), cut from a canonical line: the proof object less its `proofValue` member. Keys
   * are in order in a canonical object, so the members left are its canonical form too.
   * @param b - the line's bytes
   * @param shape - from the line scanner
   * @param proofs - the parsed record's `proof` value
   * @param proof - the proof: `proofs` itself or one of its elements
   * @returns the bytes, or `undefined` when they cannot be cut from the line
   */
  config(b: Uint8Array, shape: LineShape, proofs: unknown, proof: unknown): Uint8Array | undefined;
  /** Says that no output made so far is used any more: the chunk is written over from its start. */
  reuse(): void;
}

/**
 * Makes a {@link Slicer}. Its outputs are views of one chunk, each over bytes no other output
 * holds until `reuse` is called: no zero-filled buffer per proof, and, reused record after
 * record, no new memory at all. A line is copied into the chunk once, when its first part is
 * asked for, and every output is moved into place from that copy (`copyWithin`: no view of the
 * line per part).
 * @returns the slicer
 */
export function createSlicer(): Slicer {
  let chunk = new Uint8Array(0);
  let used = 0;
  const spans: number[] = [];
  /** A buffer with `need` bytes free at `at`, of which the first `keep` stay taken. */
  let at = 0;
  const room = (need: number, keep: number): Uint8Array => {
    if (need > CHUNK) {
      at = 0;
      return new Uint8Array(need);
    }
    if (used + need > chunk.length) {
      chunk = new Uint8Array(CHUNK);
      used = 0;
    }
    at = used;
    used += (keep + 7) & ~7;
    return chunk;
  };
  // The line whose copy is at `from[line]` (its scanner shape: a new object per line scanned).
  let copied: LineShape | undefined;
  let from: Uint8Array = chunk;
  let line = 0;
  /**
   * The line's copy, made once per line, at an offset with the line's own alignment in its
   * buffer: V8 copies out of a SharedArrayBuffer (the CLI's reads) word by word only then, else
   * byte by byte (measured 1.4 us against 0.2 for 3.3 KB).
   */
  const copy = (b: Uint8Array, shape: LineShape): void => {
    if (copied === shape) return;
    const n = b.length;
    from = room(n + 8, n + 8);
    line = at + ((b.byteOffset - at) & 7);
    from.set(b, line);
    copied = shape;
  };
  /** Moves `[s, e)` of the line's copy to `out[o]`. */
  const put = (out: Uint8Array, o: number, s: number, e: number): void => {
    if (out === from) out.copyWithin(o, line + s, line + e);
    else out.set(from.subarray(line + s, line + e), o);
  };
  return {
    slice(b, shape, proofs, previous) {
      if (shape.valueStart < 0) return undefined;
      const n = b.length;
      if (previous === undefined) {
        copy(b, shape);
        const size = n - (shape.cutEnd - shape.cut);
        const out = room(size, size);
        const o = at;
        put(out, o, 0, shape.cut);
        put(out, o + shape.cut, shape.cutEnd, n);
        return new Uint8Array(out.buffer, o, size);
      }
      // `"proof":[` + each named proof's bytes, comma-separated + `]`, in the member's place.
      spans.length = 0;
      let size = n - (shape.valueEnd - shape.valueStart) + 2 + Math.max(0, previous.length - 1);
      const items = shape.items;
      for (const p of previous) {
        let s: number;
        let e: number;
        if (p === proofs && !Array.isArray(proofs)) {
          s = shape.valueStart;
          e = shape.valueEnd;
        } else {
          const k = Array.isArray(proofs) && items !== null ? proofs.indexOf(p) : -1;
          if (k < 0 || items === null || 4 * k + 1 >= items.length) return undefined;
          s = items[4 * k] as number;
          e = items[4 * k + 1] as number;
        }
        spans.push(s, e);
        size += e - s;
      }
      copy(b, shape);
      const out = room(size, size);
      const start = at;
      put(out, start, 0, shape.valueStart);
      let o = start + shape.valueStart;
      out[o++] = 0x5b;
      for (let k = 0; k < spans.length; k += 2) {
        if (k > 0) out[o++] = 0x2c;
        const s = spans[k] as number;
        const e = spans[k + 1] as number;
        put(out, o, s, e);
        o += e - s;
      }
      out[o++] = 0x5d;
      put(out, o, shape.valueEnd, n);
      return new Uint8Array(out.buffer, start, size);
    },
    config(b, shape, proofs, proof) {
      const items = shape.items;
      if (items === null) return undefined;
      const k = proof === proofs ? 0 : Array.isArray(proofs) ? proofs.indexOf(proof) : -1;
      if (k < 0 || 4 * k + 3 >= items.length) return undefined;
      const s = items[4 * k] as number;
      const e = items[4 * k + 1] as number;
      const c = items[4 * k + 2] as number;
      const ce = items[4 * k + 3] as number;
      if (c < 0) return undefined;
      copy(b, shape);
      const size = c - s + (e - ce);
      const out = room(size, size);
      const o = at;
      put(out, o, s, c);
      put(out, o + c - s, ce, e);
      return new Uint8Array(out.buffer, o, size);
    },
    reuse() {
      used = 0;
      copied = undefined;
    },
  };
}
