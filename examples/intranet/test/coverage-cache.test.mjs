// The shared, short-lived memo behind coverage answers (src/data/coverage.mjs): one query per
// distinct question per ttl however many staff pages poll, concurrent identical questions wait
// for one query, failures are not kept, and memory is bounded; and the pacing of one session's
// repeated coverage questions.
import { describe, expect, it } from 'vitest';
import { memo } from '../src/data/coverage.mjs';
import { questionPacer } from '../src/routes/admin-coverage.mjs';

describe('coverage memo', () => {
  it('shares an answer within the ttl, asks again after it, and keeps questions apart', async () => {
    let t = 0;
    let asked = 0;
    const shared = memo(1000, () => t);
    const answer = async () => ++asked;
    expect(await shared(['units', { q: 'a' }], answer)).toBe(1);
    t = 999;
    expect(await shared(['units', { q: 'a' }], answer)).toBe(1);
    expect(await shared(['units', { q: 'b' }], answer)).toBe(2);
    t = 1000;
    expect(await shared(['units', { q: 'a' }], answer)).toBe(3);
    expect(asked).toBe(3);
  });

  it('concurrent identical questions run one query; ttl 0 shares nothing', async () => {
    let asked = 0;
    const slow = () => new Promise((r) => setTimeout(() => r(++asked), 20));
    const shared = memo(1000, () => 0);
    expect(await Promise.all(Array.from({ length: 5 }, () => shared(['totals', 'e1'], slow)))).toEqual([1, 1, 1, 1, 1]);
    const never = memo(0, () => 0);
    expect(await Promise.all([never('q', slow), never('q', slow)])).toEqual([2, 3]);
  });

  it('a failed query is not kept, and at most max answers are', async () => {
    const shared = memo(1000, () => 0, 3);
    await expect(shared('q', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await shared('q', async () => 'ok')).toBe('ok');
    let asked = 0;
    for (const q of ['a', 'b', 'c', 'd']) await shared(q, async () => ++asked);
    // 'q' and 'a' were pushed out by the bound; 'd' is kept.
    expect(await shared('a', async () => 'again')).toBe('again');
    expect(await shared('d', async () => 'again')).toBe(4);
  });
});

describe('coverage question pacing (routes/admin-coverage.mjs)', () => {
  it("a session's repeat of a question waits out the ttl, a second repeat meanwhile is 429 ERR_RATE_LIMITED, other questions and sessions go at once", async () => {
    const pace = questionPacer(200);
    const t0 = performance.now();
    await pace('s1\u0000/coverage?');
    await pace('s2\u0000/coverage?'); // another session
    await pace('s1\u0000/people?'); // another question
    expect(performance.now() - t0).toBeLessThan(150);
    const repeat = pace('s1\u0000/coverage?');
    const refused = await pace('s1\u0000/coverage?').then(
      () => null,
      (e) => e,
    );
    expect(refused).toMatchObject({ code: 'ERR_RATE_LIMITED', status: 429, headers: { 'retry-after': '1' } });
    expect(refused.messages).toEqual({
      id: 'Terlalu banyak permintaan; coba lagi nanti.',
      en: 'Too many requests; try again later.',
    });
    await repeat;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it('ttl 0 paces nothing', async () => {
    const pace = questionPacer(0);
    await expect(Promise.all(Array.from({ length: 5 }, () => pace('s\u0000/coverage?')))).resolves.toEqual(
      Array(5).fill(undefined),
    );
  });
});
