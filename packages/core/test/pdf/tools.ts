/** Runs the poppler and qpdf command-line tools on PDF bytes, as a person checking a certificate would. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs `fn` with a fresh temporary directory, removed afterwards. */
export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-pdf-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `qpdf --check`: exit status and output. */
export function qpdfCheck(pdf: Uint8Array): { status: number | null; output: string } {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  });
}

/** The file as qpdf rewrites it with `args` (e.g. `--object-streams=generate`). */
export function qpdfRewrite(pdf: Uint8Array, args: string[]): Uint8Array {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    execFileSync('qpdf', [...args, file, path.join(dir, 'out.pdf')]);
    return new Uint8Array(readFileSync(path.join(dir, 'out.pdf')));
  });
}

/** `pdftotext` of the whole document (reading order, UTF-8). */
export function pdfToText(pdf: Uint8Array, ...args: string[]): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
  });
}

/** `pdfdetach -saveall`: every attachment by file name. */
export function pdfDetachAll(pdf: Uint8Array): Map<string, Buffer> {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    const out = path.join(dir, 'out');
    execFileSync('mkdir', [out]);
    execFileSync('pdfdetach', ['-saveall', '-o', out, file]);
    return new Map(readdirSync(out).map((n) => [n, readFileSync(path.join(out, n))]));
  });
}

/** `pdfdetach -list` output. */
export function pdfDetachList(pdf: Uint8Array): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' });
  });
}

/** `pdfinfo -isodates` output. */
export function pdfInfo(pdf: Uint8Array): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  });
}

/** `pdfimages -list` output. */
export function pdfImages(pdf: Uint8Array): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  });
}

/** `pdffonts` output. */
export function pdfFonts(pdf: Uint8Array): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdffonts', [file], { encoding: 'utf8' });
  });
}

/** `pdftoppm -r DPI -png` of page 1, as PNG bytes. */
export function renderPng(pdf: Uint8Array, dpi = 60): Buffer {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(dir, 'p'),
    ]);
    return readFileSync(path.join(dir, 'p.png'));
  });
}

/** Word boxes from `pdftotext -bbox`: page size and each word with its box. */
export function wordBoxes(pdf: Uint8Array): {
  pageWidth: number;
  pageHeight: number;
  words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
}[] {
  const html = pdfToText(pdf, '-bbox');
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
    pageWidth: Number(m[1]),
    pageHeight: Number(m[2]),
    words: [
      ...(m[3] as string).matchAll(
        /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
      ),
    ].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: w[5] as string,
    })),
  }));
}

/** The QR codes zbarimg reads from a PNG. */
export function readQrCodes(png: Uint8Array): string[] {
  return withTempDir((dir) => {
    const file = path.join(dir, 'p.png');
    writeFileSync(file, png);
    const r = spawnSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' });
    return r.stdout.split('\n').filter((l) => l !== '');
  });
}
