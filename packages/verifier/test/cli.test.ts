// The built `ikrar-verify` (node bin.js …) on fixture files: exit codes, stdout, stderr.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSigner, generateKeyPair, type SignedPledge } from '@ikrar/core';
import { createProof } from '@ikrar/core/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRecord, runCli, tempDir, trustFor, writeJsonl } from './helpers.js';

const dir = tempDir();
const agency = generateKeyPair();
const stranger = generateKeyPair();
const employee = generateKeyPair();
const trust = path.join(dir, 'trust.json');
const f = (name: string): string => path.join(dir, name);
let good: SignedPledge[] = [];

interface JsonOut {
  results: {
    source?: { file?: string; line?: number; index?: number };
    verdict: string;
    reason?: { code: string; path?: string; detail?: string };
    signer?: { identifier?: string };
  }[];
  summary: Record<string, number>;
  coverage?: { expected: number; signed: number; notSigned: unknown[] };
}

beforeAll(async () => {
  good = [
    await makeRecord({ agency, identifier: '199001012015031001', workUnit: 'Dinas Kominfo' }),
    await makeRecord({ agency, employee, identifier: '199001012015032002', workUnit: 'Inspektorat Daerah' }),
    await makeRecord({ agency, identifier: '5101014101900001', employeeType: 'PPNPN', workUnit: 'Inspektorat Daerah' }),
  ];
  writeFileSync(trust, JSON.stringify(trustFor(agency)));
  writeJsonl(f('valid.jsonl'), good);
  const tampered = structuredClone(good[0]) as SignedPledge;
  tampered.credentialSubject.signer.name = 'Orang Lain';
  const untrusted = await makeRecord({ agency: stranger, identifier: '199001012015031003' });
  const again = await makeRecord({ agency, identifier: '199001012015031001', created: '2024-10-07T09:00:00+08:00' });
  const text = JSON.stringify(good[0]);
  writeFileSync(
    f('mixed.jsonl'),
    Buffer.concat([
      Buffer.from(
        [
          JSON.stringify(good[0]), // 1 valid
          JSON.stringify(tampered), // 2 invalid-signature
          'this is not json', // 3 malformed
          '', // 4 blank: not a record
          '{"a":1,"a":2}', // 5 duplicate keys
          '{"__proto__":{"polluted":true}}', // 6 __proto__
          text.slice(0, 200), // 7 truncated
          '['.repeat(100_000), // 8 deep
          JSON.stringify(untrusted), // 9 untrusted
          JSON.stringify(again), // 10 the same person signs the same event again
        ].join('\n') + '\n',
      ),
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x0a]), // 11 binary garbage
      Buffer.from(JSON.stringify(good[1]) + '\r\n'), // 12 valid with CRLF
    ]),
  );
  // A second signing among the first records a worker answers, which the text output tallies
  // without outcome objects (line 3: the first record again, not a second signing).
  writeJsonl(f('leading-duplicate.jsonl'), [good[0], again, good[0], good[1], again, good[2]]);
  writeFileSync(f('empty.jsonl'), '');
  writeFileSync(f('truncated.jsonl'), text.slice(0, text.length / 2));
  writeFileSync(f('array.json'), JSON.stringify(good, null, 2));
  const another = await makeRecord({ agency, identifier: '199001012015031004' });
  writeFileSync(f('single.json'), JSON.stringify(another, null, 2));
  writeFileSync(f('notpdf.pdf'), 'Saya bukan PDF');
  writeFileSync(f('bad-trust.json'), '{"issuers": [ {"id": 5} ]}');
  writeFileSync(f('garbage-trust.json'), '\u0000\u0001 not json');
  writeFileSync(
    f('roster.csv'),
    'nama,nip,unit_kerja\nA,199001012015031001,Dinas Kominfo\nB,199001012015032002,Inspektorat Daerah\nC,198001012005011009,Inspektorat Daerah\n',
  );
  mkdirSync(f('export/sub'), { recursive: true });
  writeJsonl(f('export/a.jsonl'), [good[0]]);
  writeFileSync(f('export/sub/b.json'), JSON.stringify([good[1], good[2]]));
  writeFileSync(f('export/readme.txt'), 'ignored');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ikrar-verify exit codes and output', () => {
  it('0 when every record is valid; the summary lists counts', () => {
    const r = runCli([f('valid.jsonl'), '--trust', trust, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Records examined: 3');
    expect(r.stdout).toMatch(/valid\s+3/);
    expect(r.stdout).toContain('ALL VALID: 3 records.');
  });

  it('1 with a failure per line, each with its file and line number; bad lines never stop the run', () => {
    const r = runCli([f('mixed.jsonl'), '--trust', trust, '--lang', 'en']);
    expect(r.code).toBe(1);
    const m = f('mixed.jsonl');
    expect(r.stdout).toContain(`${m}:2  invalid-signature`);
    expect(r.stdout).toContain(`${m}:3  malformed`);
    expect(r.stdout).toContain(`${m}:5  malformed`);
    expect(r.stdout).toContain('[ERR_JSON_INVALID (duplicate-key)]');
    expect(r.stdout).toContain(`${m}:6  malformed`);
    expect(r.stdout).toContain('[ERR_JSON_INVALID (proto-key)]');
    expect(r.stdout).toContain(`${m}:7  malformed`);
    expect(r.stdout).toContain(`${m}:8  malformed`);
    expect(r.stdout).toContain('[ERR_JSON_INVALID (too-deep)]');
    expect(r.stdout).toContain(`${m}:9  untrusted-issuer`);
    expect(r.stdout).toContain(`${m}:10  duplicate`);
    expect(r.stdout).toContain(`${m}:11  malformed`);
    expect(r.stdout).not.toContain(`${m}:1  `);
    expect(r.stdout).not.toContain(`${m}:12  `);
    expect(r.stdout).toContain('NOT ALL VALID: 9 of 11 records are not valid.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a second signing among the valid records a worker answers first: the same text, --html and exit code with workers as without', () => {
    const m = f('leading-duplicate.jsonl');
    const runs = ['2', '1', '0'].map((jobs) => {
      const html = f(`leading-duplicate-${jobs}.html`);
      const r = runCli([m, '--trust', trust, '--lang', 'en', '--jobs', jobs, '--html', html]);
      return { ...r, html: readFileSync(html, 'utf8').replace(/Generated: [0-9TZ:.-]*/, '') };
    });
    const [two, one, inline] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    expect(two.code).toBe(1);
    expect(two.stdout).toContain(`${m}:2  duplicate`);
    expect(two.stdout).toContain(`${m}:5  duplicate`);
    expect(two.stdout).not.toContain(`${m}:3  `);
    expect(two.stdout).toMatch(/valid\s+4/);
    expect(two.stdout).toMatch(/duplicate\s+2/);
    for (const r of [one, inline]) {
      expect(r.code).toBe(two.code);
      expect(r.stdout).toBe(two.stdout);
      expect(r.html).toBe(two.html);
    }
  });

  it('--json: one JSON object on stdout with summary and per-record results, nothing on stderr', () => {
    const r = runCli([f('mixed.jsonl'), '--trust', trust, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.summary.total).toBe(11);
    expect(out.summary.valid).toBe(2);
    expect(out.summary.malformed).toBe(6);
    expect(out.summary['invalid-signature']).toBe(1);
    expect(out.summary['untrusted-issuer']).toBe(1);
    expect(out.summary.duplicate).toBe(1);
    expect(out.results.map((x) => x.source?.line)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(out.results[0]?.signer?.identifier).toBe('**************1001');
  });

  it('a proof without created: undated-proof in the summary, the human output and the HTML report (exit 1)', async () => {
    const credential = structuredClone(good[0]) as unknown as Record<string, unknown>;
    delete credential.proof;
    const proof = await createProof(credential, createSigner(agency), {
      id: 'urn:uuid:0c9f6f0e-1f57-4d35-8a56-5d0f4f2f7a11',
    });
    writeJsonl(f('undated.jsonl'), [good[2], { ...credential, proof }]);
    const json = runCli([f('undated.jsonl'), '--trust', trust, '--json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as JsonOut;
    expect(out.summary).toMatchObject({ total: 2, valid: 1, 'undated-proof': 1, malformed: 0 });
    expect(out.results[1]).toMatchObject({ verdict: 'undated-proof', reason: { code: 'ERR_PROOF_CREATED_MISSING' } });
    const human = runCli([f('undated.jsonl'), '--trust', trust, '--lang', 'en', '--html', f('undated.html')]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/undated-proof\s+1/);
    const html = readFileSync(f('undated.html'), 'utf8');
    expect(html).toContain('undated-proof');
    expect(html).toContain('cannot be placed in the issuer key&#39;s trust window');
  });

  it('every engine and thread count gives the same verdicts', () => {
    const runs = [
      ['--engine', 'noble', '--jobs', '0'],
      ['--engine', 'node', '--jobs', '0'],
      ['--engine', 'node', '--jobs', '2'],
      ['--engine', 'auto', '--jobs', '2'],
    ].map((extra) => {
      const r = runCli([f('mixed.jsonl'), f('valid.jsonl'), '--trust', trust, '--json', ...extra]);
      expect(r.code).toBe(1);
      return (JSON.parse(r.stdout) as JsonOut).results.map(
        (x) => `${x.source?.file}:${x.source?.line} ${x.verdict} ${JSON.stringify(x.reason ?? null)}`,
      );
    });
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    expect(runs[0]?.length).toBe(14);
  });

  it('an empty file and a truncated file are malformed (exit 1), total counts them', () => {
    for (const [file, reason] of [
      ['empty.jsonl', { code: 'ERR_EMPTY_INPUT' }],
      ['truncated.jsonl', { code: 'ERR_JSON_INVALID', detail: 'syntax' }],
    ] as const) {
      const r = runCli([f(file), '--trust', trust, '--json']);
      expect(r.code, file).toBe(1);
      const out = JSON.parse(r.stdout) as JsonOut;
      expect(out.summary.total).toBe(1);
      expect(out.results[0]?.verdict).toBe('malformed');
      expect(out.results[0]?.reason).toEqual(reason);
    }
  });

  it('a .json array holds several records; a single .json record works', () => {
    const r = runCli([f('array.json'), f('single.json'), '--trust', trust, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.summary.total).toBe(4);
    expect(out.results.map((x) => x.source?.index)).toEqual([0, 1, 2, undefined]);
  });

  it('a .pdf that is no PDF is a malformed verdict, exit 1', () => {
    const r = runCli([f('notpdf.pdf'), '--trust', trust, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.results[0]).toEqual(
      expect.objectContaining({ verdict: 'malformed', reason: { code: 'ERR_PDF_INVALID' } }),
    );
  });

  it('a certificate .pdf gives its embedded record: valid; a PDF without a record is malformed', async () => {
    const { renderCertificate } = await import('@ikrar/core/pdf');
    writeFileSync(f('sertifikat.pdf'), await renderCertificate(good[0] as SignedPledge, {}));
    const r = runCli([f('sertifikat.pdf'), '--trust', trust, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.results).toHaveLength(1);
    expect(out.results[0]).toMatchObject({ verdict: 'valid', source: { file: f('sertifikat.pdf') } });
    const other = runCli([f('sertifikat.pdf'), '--trust', f('bad-trust.json')]);
    expect(other.code).toBe(2);
    const qpdf = spawnSync('qpdf', ['--empty', f('blank.pdf')]);
    if (qpdf.status !== 0) {
      console.warn('[qpdf] not installed: the PDF-without-record case is skipped');
      return;
    }
    const blank = runCli([f('blank.pdf'), '--trust', trust, '--json']);
    expect(blank.code).toBe(1);
    expect((JSON.parse(blank.stdout) as JsonOut).results[0]).toMatchObject({
      verdict: 'malformed',
      reason: { code: 'ERR_PDF_NO_RECORD' },
    });
  });

  it('directories are walked (sorted, .json/.jsonl/.pdf only)', () => {
    const r = runCli([f('export'), '--trust', trust, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.results.map((x) => path.basename(x.source?.file ?? ''))).toEqual(['a.jsonl', 'b.json', 'b.json']);
  });

  it('- reads standard input as JSONL, or as one JSON document', () => {
    const jsonl = runCli(['-', '--trust', trust, '--json'], { input: good.map((g) => JSON.stringify(g)).join('\n') });
    expect(jsonl.code).toBe(0);
    expect((JSON.parse(jsonl.stdout) as JsonOut).summary.total).toBe(3);
    const doc = runCli(['-', '--trust', trust, '--json'], { input: JSON.stringify(good[1], null, 2) });
    expect(doc.code).toBe(0);
    expect((JSON.parse(doc.stdout) as JsonOut).summary.total).toBe(1);
    const garbage = runCli(['-', '--trust', trust, '--json'], { input: Buffer.from([0, 1, 2, 0xff, 0x0a, 0x7b]) });
    expect(garbage.code).toBe(1);
    const empty = runCli(['-', '--trust', trust, '--json'], { input: '' });
    expect(empty.code).toBe(1);
    expect((JSON.parse(empty.stdout) as JsonOut).results[0]?.reason).toEqual({ code: 'ERR_EMPTY_INPUT' });
  });

  it('a 50 MB line is malformed and the next line is still verified', () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x61);
    big.write('{"a":"', 0);
    big.write('"}\n', big.length - 3);
    writeFileSync(f('big.jsonl'), Buffer.concat([big, Buffer.from(JSON.stringify(good[0]) + '\n')]));
    const r = runCli([f('big.jsonl'), '--trust', trust, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.results.map((x) => [x.source?.line, x.verdict, x.reason])).toEqual([
      [1, 'malformed', { code: 'ERR_LINE_TOO_LONG' }],
      [2, 'valid', undefined],
    ]);
  });

  it('--roster: coverage per work unit and who has not signed', () => {
    const r = runCli([f('valid.jsonl'), '--trust', trust, '--roster', f('roster.csv'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.coverage).toMatchObject({ expected: 3, signed: 2 });
    expect(out.coverage?.notSigned).toEqual([
      { identifier: '**************1009', name: 'C', workUnit: 'Inspektorat Daerah' },
    ]);
  });

  it('--before: records signed after the deadline', () => {
    const r = runCli([f('valid.jsonl'), '--trust', trust, '--before', '2024-10-07T08:00:00+08:00', '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as JsonOut).summary['after-deadline']).toBe(3);
  });

  it('bilingual: --lang, else the environment; Indonesian by default', () => {
    expect(runCli([f('valid.jsonl'), '--trust', trust]).stdout).toContain('SEMUA SAH: 3 rekaman.');
    expect(runCli([f('valid.jsonl'), '--trust', trust], { env: { LANG: 'en_US.UTF-8' } }).stdout).toContain(
      'ALL VALID',
    );
    expect(
      runCli([f('valid.jsonl'), '--trust', trust, '--lang', 'id'], { env: { LANG: 'en_US.UTF-8' } }).stdout,
    ).toContain('SEMUA SAH');
  });
});

describe('ikrar-verify usage and I/O errors: exit 2, one line with a stable code', () => {
  const cases: [string, string[], string][] = [
    ['unknown flag', ['--frobnicate'], 'ERR_USAGE'],
    ['missing --trust', ['x.jsonl'], 'ERR_USAGE'],
    ['no input', ['--trust', 'trust.json'], 'ERR_USAGE'],
    ['missing file', ['nope.jsonl', '--trust', 'trust.json'], 'ERR_INPUT_UNREADABLE'],
    ['missing trust store', ['valid.jsonl', '--trust', 'nope.json'], 'ERR_INPUT_UNREADABLE'],
    ['trust store of the wrong shape', ['valid.jsonl', '--trust', 'bad-trust.json'], 'ERR_TRUST_STORE_INVALID'],
    ['trust store that is no JSON', ['valid.jsonl', '--trust', 'garbage-trust.json'], 'ERR_TRUST_STORE_INVALID'],
    ['bad --before', ['valid.jsonl', '--trust', 'trust.json', '--before', 'besok'], 'ERR_USAGE'],
    ['bad --lang', ['valid.jsonl', '--trust', 'trust.json', '--lang', 'fr'], 'ERR_USAGE'],
    ['missing roster', ['valid.jsonl', '--trust', 'trust.json', '--roster', 'nope.csv'], 'ERR_INPUT_UNREADABLE'],
    [
      'unwritable report',
      ['valid.jsonl', '--trust', 'trust.json', '--html', '/nonexistent-dir/r.html'],
      'ERR_OUTPUT_UNWRITABLE',
    ],
  ];
  for (const [label, args, code] of cases) {
    it(`${label}: ${code}`, () => {
      const r = runCli(args, { cwd: dir });
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines.at(-1)).toMatch(new RegExp(`^ikrar-verify: ${code}: .+#${code.toLowerCase()}\\)$`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('--help and --version exit 0', () => {
    expect(runCli(['--help', '--lang', 'en']).stdout).toContain('Usage: ikrar-verify');
    expect(runCli(['--version']).stdout).toMatch(/^ikrar-verify \d+\.\d+\.\d+/);
  });
});
