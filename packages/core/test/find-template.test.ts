// findTemplate: the reference is its rule written apart (every match of [...extra, ...built-in],
// sorted by version, newest first, the sort stable); fast-check holds the two equal, by identity,
// over lists of the caller's templates that share ids and versions with each other and with the
// built-in ones. (A find without the list was tried and taken back: Array.prototype.find over
// the frozen built-in list measured slower than the list it saved.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, findTemplate } from '../src/templates/registry.js';
import type { PledgeTemplate } from '../src/templates/define-template.js';

/** A version's three numbers (a missing one 0, a part that is not a number NaN). */
const parts = (v: string): number[] => [0, 1, 2].map((i) => Number(v.split('.')[i] ?? 0));

/** Newest first; at the first part that differs (NaN differs from anything), as the old comparator. */
function newestFirst(a: PledgeTemplate, b: PledgeTemplate): number {
  const pa = parts(a.version);
  const pb = parts(b.version);
  const i = pa.findIndex((x, k) => x !== pb[k]);
  return i < 0 ? 0 : (pb[i] as number) - (pa[i] as number);
}

function reference(id: string, version?: string, extra: readonly PledgeTemplate[] = []): PledgeTemplate | undefined {
  const all = [...extra, ...BUILTIN_TEMPLATES].filter(
    (t) => t.id === id && (version === undefined || t.version === version),
  );
  all.sort(newestFirst);
  return all[0];
}

const IDS = [...new Set(BUILTIN_TEMPLATES.map((t) => t.id)), 'pemkab-contoh-2029'];
const VERSIONS = ['1.0.0', '1.0', '1.1.0', '2.0.0', '1.0.0-rc.1', 'x'];
const base = BUILTIN_TEMPLATES[0] as PledgeTemplate;
const own = fc
  .record({ id: fc.constantFrom(...IDS), version: fc.constantFrom(...VERSIONS) })
  .map(({ id, version }) => Object.freeze({ ...base, id, version }) as PledgeTemplate);

describe('findTemplate', () => {
  it('fast-check: the same template (by identity) as the sorted list gave, with and without a version', () => {
    fc.assert(
      fc.property(
        fc.array(own, { maxLength: 8 }),
        fc.constantFrom(...IDS, 'unknown'),
        fc.option(fc.constantFrom(...VERSIONS, ...BUILTIN_TEMPLATES.map((t) => t.version)), { nil: undefined }),
        (extra, id, version) => {
          expect(findTemplate(id, version, extra)).toBe(reference(id, version, extra));
          expect(findTemplate(id, version)).toBe(reference(id, version));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
