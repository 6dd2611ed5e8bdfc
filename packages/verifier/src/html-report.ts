/**
 * A self-contained HTML report an auditor can hand on: summary, failures, coverage per work unit
 * and signings over time as inline SVG charts. No scripts, no external assets, so it opens
 * offline and under any Content-Security-Policy. Bahasa Indonesia or English.
 *
 * @module
 * @example
 * ```ts
 * import { renderHtmlReport } from '@ikrar/verifier';
 * const html = renderHtmlReport(report.finish(), { lang: 'id' });
 * ```
 */
import { escapeHtml as e } from './internal/util.js';
import type { VerificationReport } from './report.js';
import type { RecordResult } from './verify-record.js';
import { formatReason, VERDICTS, verdictMessage, type Verdict } from './verdicts.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** `id` (default) or `en`. */
  readonly lang?: 'id' | 'en';
  /** When the check ran (RFC 3339). Default now. */
  readonly generatedAt?: string;
  /** The inputs checked, as shown to the reader. */
  readonly inputs?: readonly string[];
  /** The trusted issuers, as shown to the reader. */
  readonly issuers?: readonly { id: string; name?: string }[];
  /** The status lists checked (`--status`); with them the report has a revocations section. */
  readonly statusLists?: readonly { id: string; issuer: string; created?: string }[];
}

const T = {
  id: {
    title: 'Laporan Verifikasi Ikrar Netralitas ASN',
    generated: 'Dibuat',
    inputs: 'Berkas diperiksa',
    issuers: 'Penerbit tepercaya',
    summary: 'Ringkasan',
    total: 'Jumlah rekaman diperiksa',
    verdict: 'Putusan',
    count: 'Jumlah',
    allValid: 'Semua rekaman sah.',
    notAllValid: (n: number) => `${n} rekaman tidak sah.`,
    empty: 'Tidak ada rekaman yang diperiksa.',
    failures: 'Rekaman yang tidak sah',
    where: 'Lokasi',
    reason: 'Alasan',
    signer: 'Penanda tangan',
    omitted: (n: number) => `${n} kegagalan lain tidak ditampilkan.`,
    coverage: 'Cakupan per unit kerja',
    unit: 'Unit kerja',
    expected: 'Wajib',
    signed: 'Sudah menandatangani',
    coverageLine: (s: number, x: number) => `${s} dari ${x} pegawai dalam daftar sudah menandatangani.`,
    notOnRoster: (n: number) => `${n} rekaman sah dari orang di luar daftar.`,
    notSigned: 'Belum menandatangani',
    timeline: 'Penandatanganan per hari',
    date: 'Tanggal',
    none: 'Tidak ada.',
    revocations: 'Pencabutan (daftar status)',
    lists: 'Daftar status diperiksa',
    list: 'Daftar',
    entry: 'Entri daftar status',
    revokedOmitted: 'Sebagian rekaman yang dicabut tidak tercantum di daftar kegagalan di atas (dibatasi).',
    note: 'Tanda tangan elektronik tidak tersertifikasi (PP 71/2019), dapat diverifikasi secara mandiri dengan kunci publik instansi. Nomor induk disamarkan (UU PDP 27/2022).',
  },
  en: {
    title: 'Ikrar Netralitas ASN verification report',
    generated: 'Generated',
    inputs: 'Inputs checked',
    issuers: 'Trusted issuers',
    summary: 'Summary',
    total: 'Records examined',
    verdict: 'Verdict',
    count: 'Count',
    allValid: 'Every record is valid.',
    notAllValid: (n: number) => `${n} records are not valid.`,
    empty: 'No records were examined.',
    failures: 'Records that are not valid',
    where: 'Where',
    reason: 'Reason',
    signer: 'Signer',
    omitted: (n: number) => `${n} more failures not shown.`,
    coverage: 'Coverage per work unit',
    unit: 'Work unit',
    expected: 'Expected',
    signed: 'Signed',
    coverageLine: (s: number, x: number) => `${s} of ${x} people on the roster have signed.`,
    notOnRoster: (n: number) => `${n} valid records of people not on the roster.`,
    notSigned: 'Not yet signed',
    timeline: 'Signings per day',
    date: 'Date',
    none: 'None.',
    revocations: 'Revocations (status lists)',
    lists: 'Status lists checked',
    list: 'List',
    entry: 'Status list entry',
    revokedOmitted: 'Some revoked records are not in the failure list above (it is capped).',
    note: 'Uncertified electronic signatures (PP 71/2019), independently verifiable with the agency public key. Identifiers are masked (UU PDP 27/2022).',
  },
};

/**
 * Where a result came from, as `file:line` or `file#index`.
 * @param r - a result
 * @returns the location text
 * @example formatSource({ verdict: 'valid', … , source: { file: 'a.jsonl', line: 3 } }) // 'a.jsonl:3'
 */
export function formatSource(r: Pick<RecordResult, 'source'>): string {
  const s = r.source;
  if (!s) return '-';
  const file = s.file ?? '';
  if (s.line !== undefined) return `${file}:${s.line}`;
  if (s.index !== undefined) return `${file}#${s.index}`;
  return file || '-';
}

function barsHorizontal(rows: { label: string; value: number; max: number; text: string }[]): string {
  const rowH = 26;
  const w = 760;
  const labelW = 300;
  const h = rows.length * rowH + 8;
  const bars = rows
    .map((r, i) => {
      const y = i * rowH + 4;
      const bw = r.max > 0 ? Math.round(((w - labelW - 110) * r.value) / r.max) : 0;
      return (
        // Long unit names are shortened here; the table below the chart has them in full.
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end"><title>${e(r.label)}</title>${e(r.label.length > 34 ? r.label.slice(0, 33) + '…' : r.label)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w - labelW - 110}" height="18" class="track"/>` +
        `<rect x="${labelW}" y="${y + 3}" width="${bw}" height="18" class="bar"/>` +
        `<text x="${w - 102}" y="${y + 17}">${e(r.text)}</text>`
      );
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-hidden="true">${bars}</svg>`;
}

function barsVertical(points: { date: string; count: number }[]): string {
  const w = 720;
  const h = 220;
  const pad = 34;
  const max = Math.max(1, ...points.map((p) => p.count));
  const n = Math.max(1, points.length);
  const step = (w - pad * 2) / n;
  const bw = Math.max(1, Math.min(40, step * 0.8));
  const bars = points
    .map((p, i) => {
      const bh = Math.round(((h - pad * 2) * p.count) / max);
      const x = pad + i * step + (step - bw) / 2;
      return `<rect x="${x.toFixed(1)}" y="${h - pad - bh}" width="${bw.toFixed(1)}" height="${bh}" class="bar"><title>${e(p.date)}: ${p.count}</title></rect>`;
    })
    .join('');
  const first = points[0]?.date ?? '';
  const last = points[points.length - 1]?.date ?? '';
  return (
    `<svg class="chart" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-hidden="true">` +
    `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" class="axis"/>` +
    `<text x="${pad - 4}" y="${pad}" text-anchor="end">${max}</text>` +
    `<text x="${pad - 4}" y="${h - pad}" text-anchor="end">0</text>` +
    bars +
    `<text x="${pad}" y="${h - 10}">${e(first)}</text>` +
    `<text x="${w - pad}" y="${h - 10}" text-anchor="end">${e(last)}</text></svg>`
  );
}

const CSS = `
:root{color-scheme:light;--ink:#1b2733;--muted:#5b6b7a;--ok:#1f7a45;--bad:#b3261e;--bar:#2f6db3;--track:#e6ecf2}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#f6f8fa}
main{max-width:960px;margin:0 auto;padding:24px}h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.15rem;margin:28px 0 8px;border-bottom:2px solid var(--track);padding-bottom:4px}
.meta{color:var(--muted);margin:0 0 12px}.status{font-size:1.1rem;font-weight:600;padding:10px 14px;border-radius:6px;margin:12px 0}
.status.ok{background:#e3f4ea;color:var(--ok)}.status.bad{background:#fbe7e6;color:var(--bad)}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--track);vertical-align:top}
th{background:#eef2f6;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}code{font-size:.9em;word-break:break-all}code.loc{white-space:nowrap;word-break:normal}
.chart{background:#fff;border:1px solid var(--track);border-radius:6px}.chart text{font-size:12px;fill:var(--ink)}.chart .bar{fill:var(--bar)}.chart .track{fill:var(--track)}.chart .axis{stroke:var(--muted)}
.v-valid{color:var(--ok);font-weight:600}.v-bad{color:var(--bad);font-weight:600}footer{color:var(--muted);font-size:.85rem;margin-top:32px}
.wide{overflow-x:auto}
@media print{body{background:#fff}main{padding:0}}`;

function revocationSection(
  report: VerificationReport,
  lists: NonNullable<HtmlReportOptions['statusLists']>,
  t: (typeof T)['id'],
): string {
  const revoked = report.failures.filter((f) => f.verdict === 'revoked');
  const listTable = `<table><thead><tr><th>${e(t.list)}</th><th>${e(t.issuers)}</th><th>${e(t.date)}</th></tr></thead><tbody>${lists
    .map(
      (l) =>
        `<tr><td><code>${e(l.id)}</code></td><td><code>${e(l.issuer)}</code></td><td>${e(l.created ?? '')}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const rows = revoked.length
    ? `<div class="wide"><table id="revocations"><thead><tr><th>${e(t.where)}</th><th>${e(t.signer)}</th><th>${e(t.entry)}</th></tr></thead><tbody>${revoked
        .map(
          (f) =>
            `<tr><td><code class="loc">${e(formatSource(f))}</code></td><td>${e(
              [f.signer?.name, f.signer?.identifier, f.signer?.workUnit].filter(Boolean).join(' · '),
            )}</td><td><code>${e(f.reason?.detail ?? '')}</code></td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : `<p>${e(t.none)}</p>`;
  const omitted = report.summary.revoked > revoked.length ? `<p>${e(t.revokedOmitted)}</p>` : '';
  return `<h2>${e(t.revocations)}</h2><p class="meta">${e(t.lists)}:</p>${listTable}${rows}${omitted}`;
}

/**
 * Whether a message is the verdict's own, by its text: outcomes from a worker thread are
 * structured copies, so the identity of `verdictMessage(v)` does not survive the trip.
 */
function isVerdictMessage(message: { readonly id: string; readonly en: string }, verdict: Verdict): boolean {
  const own = verdictMessage(verdict);
  return message.id === own.id && message.en === own.en;
}

/**
 * Renders a report as one HTML document.
 *
 * @param report - from `createReport(…).finish()`
 * @param options - language, time, inputs and issuers to show
 * @returns the HTML text (UTF-8), self-contained
 * @example await writeFile('laporan.html', renderHtmlReport(report, { lang: 'id' }));
 */
export function renderHtmlReport(report: VerificationReport, options: HtmlReportOptions = {}): string {
  const lang = options.lang ?? 'id';
  const t = T[lang];
  const s = report.summary;
  const notValid = s.total - s.valid;
  const status =
    s.total === 0
      ? `<p class="status bad">${e(t.empty)}</p>`
      : notValid === 0
        ? `<p class="status ok">${e(t.allValid)}</p>`
        : `<p class="status bad">${e(t.notAllValid(notValid))}</p>`;
  const counts = VERDICTS.filter((v) => v === 'valid' || s[v] > 0)
    .map(
      (v: Verdict) =>
        `<tr><td><code id="v-${v}">${v}</code> <span>${e(verdictMessage(v)[lang])}</span></td><td class="num">${s[v]}</td></tr>`,
    )
    .join('');
  const failures = report.failures.length
    ? `<div class="wide"><table><thead><tr><th>${e(t.where)}</th><th>${e(t.verdict)}</th><th>${e(t.reason)}</th><th>${e(t.signer)}</th></tr></thead><tbody>${report.failures
        .map(
          (f) =>
            `<tr><td><code class="loc">${e(formatSource(f))}</code></td><td class="v-bad">${e(f.verdict)}</td><td>${e(
              f.verdict === 'malformed' && !isVerdictMessage(f.message, 'malformed')
                ? f.message[lang]
                : f.reason
                  ? formatReason(f.reason)
                  : '',
            )}</td><td>${e([f.signer?.name, f.signer?.identifier, f.signer?.workUnit].filter(Boolean).join(' · '))}</td></tr>`,
        )
        .join(
          '',
        )}</tbody></table></div>${report.failuresOmitted ? `<p>${e(t.omitted(report.failuresOmitted))}</p>` : ''}`
    : `<p>${e(t.none)}</p>`;
  const c = report.coverage;
  const coverage = c
    ? `<h2>${e(t.coverage)}</h2><p>${e(t.coverageLine(c.signed, c.expected))}${c.notOnRoster ? ` ${e(t.notOnRoster(c.notOnRoster))}` : ''}</p>` +
      barsHorizontal(
        c.units.map((u) => ({
          label: u.workUnit,
          value: u.signed,
          max: u.expected,
          text: `${u.signed}/${u.expected} (${u.expected ? Math.round((100 * u.signed) / u.expected) : 0}%)`,
        })),
      ) +
      `<table><thead><tr><th>${e(t.unit)}</th><th class="num">${e(t.expected)}</th><th class="num">${e(t.signed)}</th></tr></thead><tbody>${c.units
        .map(
          (u) => `<tr><td>${e(u.workUnit)}</td><td class="num">${u.expected}</td><td class="num">${u.signed}</td></tr>`,
        )
        .join('')}</tbody></table>` +
      `<h2>${e(t.notSigned)}</h2>` +
      (c.notSigned.length
        ? `<table><thead><tr><th>${e(t.signer)}</th><th>${e(t.unit)}</th></tr></thead><tbody>${c.notSigned
            .slice(0, 5000)
            .map(
              (p) =>
                `<tr><td>${e([p.name, p.identifier].filter(Boolean).join(' · '))}</td><td>${e(p.workUnit)}</td></tr>`,
            )
            .join(
              '',
            )}</tbody></table>${c.notSigned.length > 5000 ? `<p>${e(t.omitted(c.notSigned.length - 5000))}</p>` : ''}`
        : `<p>${e(t.none)}</p>`)
    : '';
  const timeline = report.timeline.length
    ? barsVertical([...report.timeline]) +
      `<table><thead><tr><th>${e(t.date)}</th><th class="num">${e(t.count)}</th></tr></thead><tbody>${report.timeline
        .map((p) => `<tr><td>${e(p.date)}</td><td class="num">${p.count}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p>${e(t.none)}</p>`;
  const revocations = options.statusLists ? revocationSection(report, options.statusLists, t) : '';
  const generated = options.generatedAt ?? new Date().toISOString();
  const inputs = options.inputs?.length
    ? `<p class="meta">${e(t.inputs)}: ${options.inputs.map((i) => `<code>${e(i)}</code>`).join(', ')}</p>`
    : '';
  const issuers = options.issuers?.length
    ? `<p class="meta">${e(t.issuers)}: ${options.issuers.map((i) => `${e(i.name ?? '')} <code>${e(i.id)}</code>`).join('; ')}</p>`
    : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(t.title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${e(t.title)}</h1><p class="meta">${e(t.generated)}: ${e(generated)}</p>${inputs}${issuers}
<h2>${e(t.summary)}</h2>${status}
<table><thead><tr><th>${e(t.verdict)}</th><th class="num">${e(t.count)}</th></tr></thead><tbody>
<tr><td><strong>${e(t.total)}</strong></td><td class="num"><strong>${s.total}</strong></td></tr>${counts}</tbody></table>
<h2>${e(t.failures)}</h2>${failures}
${revocations}
${coverage}
<h2>${e(t.timeline)}</h2>${timeline}
<footer>${e(t.note)} · @ikrar/verifier</footer>
</main></body></html>
`;
}
