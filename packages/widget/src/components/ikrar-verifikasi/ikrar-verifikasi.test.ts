// <ikrar-verifikasi> in headless Chromium against the real `ikrar-verify`: 10,000 lines (9,850
// generator records and 25 forgeries of each kind: altered text, swapped proofs, dropped
// countersignature, wrong key, small-order key, malformed lines) give exactly the command's
// verdicts, reasons and line numbers, and the same summary, with and without a roster; a dropped
// PDF certificate verifies; with the network cut by CSP (connect-src 'none') the built bundle still
// works; bad trust stores fail with their code; axe finds nothing; the saved CSV and JSON match.
import { createPledge, generateKeyPair, signPledge } from '@ikrar/core';
import { createStatusEntry, createStatusList, issueStatusListCredential, setStatus } from '@ikrar/core/status';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import '../../verifikasi.js';
import { IkrarVerifikasi } from './ikrar-verifikasi.component.js';
import type { IkrarVerifiedDetail } from '../../events/ikrar-verified.js';

const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;

interface CliOut {
  results: {
    verdict: string;
    reason?: { code: string; path?: string; detail?: string };
    source?: { line?: number; index?: number };
  }[];
  summary: Record<string, number>;
}
interface Expected {
  lines: number;
  mixed: CliOut;
  withRoster: Record<string, number>;
  pdf: CliOut | null;
}

// The test server serves TypeScript: the module worker is the source entry, as the bundle's is built from it.
IkrarVerifikasi.workerFactory = () =>
  new Worker('/packages/widget/src/verify-worker.ts', { type: 'module', name: 'ikrar-verifikasi-test' });

let expected: Expected;
const files = new Map<string, File>();

async function file(name: string): Promise<File> {
  let f = files.get(name);
  if (!f) {
    const r = await fetch(`/__ikrar-verifikasi/file/${name}`);
    if (!r.ok) throw new Error(`fixture ${name}: HTTP ${r.status}`);
    f = new File([await r.blob()], name);
    files.set(name, f);
  }
  return f;
}

const brief = (r: CliOut['results'][number]): string =>
  `${r.source?.line ?? r.source?.index ?? '-'}:${r.verdict}:${JSON.stringify(r.reason ?? '')}`;

async function mount(attrs = ''): Promise<IkrarVerifikasi> {
  const el = await fixture<IkrarVerifikasi>(
    attrs ? html`<ikrar-verifikasi language=${attrs}></ikrar-verifikasi>` : html`<ikrar-verifikasi></ikrar-verifikasi>`,
  );
  await el.updateComplete;
  return el;
}

describe('<ikrar-verifikasi>', function () {
  this.timeout(300_000);

  before(async () => {
    const r = await fetch('/__ikrar-verifikasi/expected');
    expected = (await r.json()) as Expected;
  });

  it('gives exactly the verdicts of ikrar-verify on 10,000 lines with 150 forgeries, in workers', async () => {
    expect(expected.lines).to.equal(10_000);
    const el = await mount();
    await el.addFiles([await file('mixed.jsonl'), await file('trust.json')]);
    const done = oneEvent(el, 'ikrar-verified');
    await el.verify();
    const detail = (await done).detail as IkrarVerifiedDetail;
    expect(detail.workers).to.be.greaterThan(0);
    expect(detail.summary).to.deep.equal(expected.mixed.summary);
    const ours = JSON.parse(el.resultsJson() as string) as CliOut;
    expect(ours.results.map(brief)).to.deep.equal(expected.mixed.results.map(brief));
    // Every forgery kind is among the failures, each as the command judged it.
    const failures = expected.mixed.results.filter((r) => r.verdict !== 'valid');
    expect(failures.length).to.equal(150);
    const kinds = new Set(failures.map((r) => `${r.verdict}:${r.reason?.code ?? ''}`));
    for (const k of ['issuer-mismatch:ERR_ISSUER_MISMATCH', 'untrusted-issuer:', 'invalid-signature:ERR_KEY_INVALID'])
      expect(kinds.has(k), k).to.equal(true);
    // The page shows the counts and the failures with file and line.
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[data-verdict=valid] td')?.textContent?.replace(/\D/g, '')).to.equal('9850');
    expect(root.querySelector('#failures tbody tr td')?.textContent).to.match(/^mixed\.jsonl:\d+$/);
    expect(root.querySelector('#verdict')?.textContent).to.contain('TIDAK SEMUA SAH: 150 dari 10000');
    // CSV: a header and one row per record; formula-like cells are neutralised.
    const csv = el.resultsCsv() as string;
    expect(csv.split('\r\n').length).to.equal(10_000 + 2);
    expect(csv.split('\r\n')[0]).to.equal('source,verdict,reason,id,issuer,signed_at,name,identifier,work_unit,event');
    const a11y = await axe.run(el, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false } },
    });
    expect(a11y.violations.map((v) => v.id)).to.deep.equal([]);
  });

  it('in the page thread (workers="0") with a roster: the same summary as ikrar-verify --roster', async () => {
    const el = await mount('en');
    el.workers = 0;
    await el.addFiles([await file('mixed.jsonl'), await file('trust.json'), await file('roster.csv')]);
    const detail = (await el.verify()) as IkrarVerifiedDetail;
    expect(detail.workers).to.equal(0);
    expect(detail.summary).to.deep.equal(expected.withRoster);
    expect(detail.coverage?.expected).to.be.greaterThan(0);
    expect((el.shadowRoot as ShadowRoot).querySelector('#coverage')?.textContent).to.match(
      /Roster coverage: \d+ of \d+/,
    );
  });

  it('verifies a PDF certificate dropped on it, as ikrar-verify does', async () => {
    expect(expected.pdf, 'the fixture has a PDF').to.not.equal(null);
    const el = await mount();
    const dt = new DataTransfer();
    dt.items.add(await file('sertifikat.pdf'));
    dt.items.add(await file('trust.json'));
    const zone = (el.shadowRoot as ShadowRoot).querySelector('.drop') as HTMLElement;
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 200));
    const detail = (await el.verify()) as IkrarVerifiedDetail;
    expect(detail.summary).to.deep.equal(expected.pdf?.summary);
    expect(detail.summary.valid).to.equal(1);
  });

  it('works with the network cut (CSP connect-src none): the built bundle, its workers, no request', async () => {
    const frame = document.createElement('iframe');
    const messages: Record<string, unknown>[] = [];
    const listener = (e: MessageEvent): void => {
      if (e.data?.source === 'ikrar-verifikasi-csp') messages.push(e.data as Record<string, unknown>);
    };
    window.addEventListener('message', listener);
    frame.src = '/test-csp/verifikasi.html';
    document.body.append(frame);
    const waitFor = async (pred: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
      for (let i = 0; i < 2400; i++) {
        const m = messages.find(pred);
        if (m) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no message: ${JSON.stringify(messages)}`);
    };
    try {
      const ready = await waitFor((m) => m.ready === true || m.ok === false);
      expect(ready.error, String(ready.error)).to.equal(undefined);
      frame.contentWindow?.postMessage(
        { source: 'ikrar-verifikasi-parent', files: [await file('mixed.jsonl'), await file('trust.json')] },
        '*',
      );
      const out = await waitFor((m) => 'detail' in m || m.ok === false);
      expect(out.ok, String(out.error)).to.equal(true);
      expect(out.fetched).to.equal(false);
      const detail = out.detail as IkrarVerifiedDetail;
      expect(detail.summary).to.deep.equal(expected.mixed.summary);
      expect(detail.workers).to.be.greaterThan(0);
      expect((out.violations as string[]).filter((v) => !v.startsWith('connect-src'))).to.deep.equal([]);
    } finally {
      window.removeEventListener('message', listener);
      frame.remove();
    }
  });

  it('refuses a trust store that is not JSON, with its code in both languages, and asks for missing files', async () => {
    const el = await mount();
    const none = oneEvent(el, 'ikrar-error');
    await el.verify();
    const e0 = (await none).detail as { code: string; messages: { id: string; en: string } };
    expect(e0.code).to.equal('ERR_NO_RECORDS');
    expect(e0.messages.id).to.equal('Pilih berkas rekaman dulu.');
    // Strict JSON, as the command reads it: a duplicate key is refused.
    await el.addFiles([await file('mixed.jsonl'), new File(['{"issuers": [], "issuers": []}'], 'trust.json')]);
    const err = oneEvent(el, 'ikrar-error');
    await el.verify();
    const e1 = (await err).detail as { code: string; messages: { id: string; en: string } };
    expect(e1.code).to.equal('ERR_TRUST_STORE_INVALID');
    expect(e1.messages.id).to.match(/^Daftar kepercayaan bukan JSON yang sah/);
    expect(e1.messages.en).to.match(/^Trust store is not valid JSON/);
    el.clear();
    await el.addFiles([await file('mixed.jsonl')]);
    const noTrust = oneEvent(el, 'ikrar-error');
    await el.verify();
    expect(((await noTrust).detail as { code: string }).code).to.equal('ERR_NO_TRUST');
    el.clear();
    await el.addFiles([await file('mixed.jsonl'), new File(['{"issuers": [{"id": 5}]}'], 'trust.json')]);
    const bad = oneEvent(el, 'ikrar-error');
    await el.verify();
    const e2 = (await bad).detail as { code: string; messages: { id: string; en: string } };
    expect(e2.code).to.equal('ERR_TRUST_STORE_INVALID');
    expect(e2.messages.id).to.be.a('string').and.not.equal(e2.messages.en);
    expect((el.shadowRoot as ShadowRoot).querySelector('[role=alert]')?.textContent).to.equal(e2.messages.id);
  });

  it('shows a revoked record as revoked, with a status list credential the agency signed', async () => {
    const agency = generateKeyPair();
    const URL1 = 'https://dinas.example/status/1';
    const record = async (index: number, nip: string) =>
      signPledge(
        {
          ...createPledge({
            template: 'jembrana-2024',
            issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana' },
            signer: { name: 'Ni Luh Putu Ayu', employeeType: 'PNS', identifier: nip, workUnit: 'Dinas Kominfo' },
            event: { name: 'Pilkada Serentak 2024', date: '2024-10-07' },
            consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click', acknowledgedAt: '2024-10-07T08:00:00+08:00' },
            timeZone: 'WITA',
            now: new Date('2024-10-07T00:00:00Z'),
          }),
          credentialStatus: createStatusEntry(URL1, index),
        } as never,
        agency,
        { created: '2024-10-07T08:05:00+08:00' },
      );
    const bits = createStatusList();
    setStatus(bits, 41, true);
    const list = await issueStatusListCredential({ id: URL1, issuer: agency.controller, list: bits }, agency, {
      created: '2024-10-08T09:00:00+08:00',
      timeZone: 'WITA',
    });
    const trust = {
      issuers: [
        { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana', validFrom: '2024-01-01T00:00:00+08:00' },
      ],
    };
    const lines = [await record(41, '199001012015031001'), await record(42, '199001012015032002')]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const el = await mount();
    await el.addFiles([
      new File([lines], 'rekaman.jsonl'),
      new File([JSON.stringify(trust)], 'trust.json'),
      new File([JSON.stringify(list)], 'status-1.json'),
    ]);
    const detail = (await el.verify()) as IkrarVerifiedDetail;
    expect(detail.summary.total).to.equal(2);
    expect(detail.summary.revoked).to.equal(1);
    expect(detail.summary.valid).to.equal(1);
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[data-verdict=revoked]')?.textContent).to.contain('revoked');
    expect(root.querySelector('#failures tbody tr')?.textContent).to.contain('rekaman.jsonl:1');
  });
});
