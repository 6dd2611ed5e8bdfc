// What a first-time signer tripped on (issue #13), in a real headless Chromium: the signature type
// chosen without arrow keys, typed first for a signer without a pointer, the empty NIP flagged, a
// typed signature that must be the signer's name, a dot recorded and redrawn as a dot, one PDF
// button on the done step, and example pages whose event log starts with ikrar-ready.
import { digestSignatureStrokes, verifyPledge } from '@ikrar/core';
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../index.js';
import type { IkrarSignedEvent } from '../../events/ikrar-signed.js';
import type { IkrarNetralitas } from './ikrar-netralitas.component.js';
import {
  acknowledgeAll,
  axeViolations,
  drawOn,
  fillIdentity,
  mount,
  next,
  q,
  readyCanvas,
  requireBundle,
  root,
  sign,
  tabTo,
  toReview,
  type,
} from './test-helpers.js';

/** Clicks with the real (trusted) mouse, as a pointer user would. */
async function mouseClick(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function toSignature(el: IkrarNetralitas): Promise<void> {
  await acknowledgeAll(el);
  await next(el);
  await fillIdentity(el);
  await next(el);
  expect(el.currentStep).to.equal('signature');
}

const pressed = (el: IkrarNetralitas): (string | undefined)[] =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button.choice[aria-pressed=true]')].map((b) => b.dataset.type);

describe('<ikrar-netralitas>: a first-time signer', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('a signer who used a pointer gets drawing first; one who did not gets "Ketik nama" first', async () => {
    const byMouse = await mount();
    await acknowledgeAll(byMouse);
    await mouseClick(q(byMouse, 'button.primary'));
    await byMouse.updateComplete;
    await fillIdentity(byMouse);
    await next(byMouse);
    expect(pressed(byMouse)).to.deep.equal(['drawn']);
    expect(root(byMouse).querySelector('canvas')).to.not.equal(null);
    byMouse.parentElement!.remove();

    const byKeyboard = await mount();
    await toSignature(byKeyboard);
    expect(pressed(byKeyboard)).to.deep.equal(['typed']);
    expect(
      [...root(byKeyboard).querySelectorAll<HTMLButtonElement>('button.choice')].map((b) => b.dataset.type),
    ).to.deep.equal(['typed', 'drawn']);
    expect(root(byKeyboard).querySelector('#f-typed')).to.not.equal(null);
    // Back from the review, the signer finds the type they used, even after using a pointer.
    await type(byKeyboard, 'f-typed', 'Sri Wahyuni');
    await next(byKeyboard);
    expect(byKeyboard.currentStep).to.equal('review');
    const edit = [...root(byKeyboard).querySelectorAll<HTMLButtonElement>('button.link')].at(-1)!;
    await mouseClick(edit);
    await byKeyboard.updateComplete;
    expect(byKeyboard.currentStep).to.equal('signature');
    expect(pressed(byKeyboard)).to.deep.equal(['typed']);
  });

  it('prefers-reduced-motion puts "Ketik nama" first even for a pointer user', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount();
    await acknowledgeAll(el);
    await mouseClick(q(el, 'button.primary'));
    await el.updateComplete;
    await fillIdentity(el);
    await next(el);
    expect(pressed(el)).to.deep.equal(['typed']);
  });

  it('the signature type is chosen with Tab and Enter or Space, never arrow keys, in both languages', async () => {
    for (const [lang, help] of [
      ['id', 'Tab lalu Enter'],
      ['en', 'Tab then Enter'],
    ] as const) {
      const el = await mount('', lang);
      await toSignature(el);
      expect(q(el, '#type-help').textContent).to.contain(help);
      await tabTo(el, 'button[data-type=drawn]');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(pressed(el)).to.deep.equal(['drawn']);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(root(el).activeElement?.getAttribute('data-type')).to.equal('typed');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(pressed(el)).to.deep.equal(['typed']);
      expect(await axeViolations(el)).to.deep.equal([]);
      el.parentElement!.remove();
    }
  });

  it('an empty NIP is flagged like the empty name, before an employee type is chosen', async () => {
    for (const [lang, name, nip] of [
      ['id', 'Nama lengkap wajib diisi.', 'NIP wajib diisi.'],
      ['en', 'Full name is required.', 'NIP is required.'],
    ] as const) {
      const el = await mount('', lang);
      await acknowledgeAll(el);
      await next(el);
      await next(el);
      expect(el.currentStep).to.equal('identity');
      expect(q(el, '#error-name').textContent?.trim()).to.equal(name);
      expect(q(el, '#error-identifier').textContent?.trim()).to.equal(nip);
      expect(q(el, '#f-identifier').getAttribute('aria-invalid')).to.equal('true');
      el.parentElement!.remove();
    }
  });

  it('a typed signature must be the signer name, case and spacing aside', async () => {
    const el = await mount('signature-types="typed"');
    await toSignature(el);
    expect(q(el, '#typed-help').textContent).to.contain('Sri Wahyuni');
    await type(el, 'f-typed', 'Orang Lain');
    expect(q(el, '#typed-error').textContent?.trim()).to.equal(
      'Tanda tangan harus berupa nama Anda sendiri: Sri Wahyuni.',
    );
    expect(q(el, '#f-typed').getAttribute('aria-invalid')).to.equal('true');
    await next(el);
    expect(el.currentStep).to.equal('signature');
    expect(await axeViolations(el)).to.deep.equal([]);
    await type(el, 'f-typed', 'Sri W.');
    await next(el);
    expect(el.currentStep).to.equal('signature');
    await type(el, 'f-typed', '  sri   WAHYUNI ');
    expect(root(el).querySelector('#typed-error')).to.equal(null);
    await next(el);
    expect(el.currentStep).to.equal('review');
    const e = (await sign(el)) as IkrarSignedEvent;
    expect(e.type).to.equal('ikrar-signed');
    // Recorded as typed, spacing tidied (the case is the signer's).
    expect(e.detail.record.credentialSubject.consent.typedName).to.equal('sri WAHYUNI');
    expect((await verifyPledge(JSON.parse(JSON.stringify(e.detail.record)))).verified).to.equal(true);
  });

  it('a tap and a two-point stroke, shown as dots while drawing, are recorded and redrawn as dots', async () => {
    const el = await mount('signature-types="drawn"');
    (el.parentElement as HTMLElement).style.width = '600px';
    await toSignature(el);
    const canvas = await readyCanvas(el);
    await drawOn(el, canvas, [[40, 50]]); // a tap
    await drawOn(el, canvas, [
      [120, 60],
      [127, 62],
    ]); // a short flick: signature_pad shows only its first point
    await drawOn(el, canvas, [
      [200, 40],
      [240, 70],
      [280, 50],
      [320, 80],
    ]);
    const groups = el.drawing!.groups;
    expect(groups.map((g) => g.points.length)).to.deep.equal([1, 1, 4]);
    expect([groups[0]!.points[0]!.x, groups[1]!.points[0]!.x]).to.deep.equal([40, 120]);
    // The dots are on the canvas (a pixel at each), and still there after a resize redraws it.
    const inked = (x: number, y: number): boolean => {
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      return ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data[3]! > 0;
    };
    expect([inked(40, 50), inked(120, 60), inked(126, 62)]).to.deep.equal([true, true, false]);
    const before = el.drawing!.width;
    (el.parentElement as HTMLElement).style.width = '500px';
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    const s = el.drawing!.width / before;
    expect(s).to.be.below(1);
    expect([inked(40 * s, 50 * s), inked(120 * s, 60 * s), inked(126 * s, 62 * s)]).to.deep.equal([true, true, false]);
    await next(el);
    expect(el.currentStep).to.equal('review');
    expect(root(el).querySelectorAll('.signature-preview circle').length).to.equal(2);
    expect(root(el).querySelectorAll('.signature-preview polyline').length).to.equal(1);
    const e = (await sign(el)) as IkrarSignedEvent;
    const strokes = e.detail.signature!;
    expect(strokes.strokes.map((p) => p.length)).to.deep.equal([1, 1, 4]);
    expect(digestSignatureStrokes(strokes)).to.equal(
      e.detail.record.credentialSubject.consent.signatureDigestMultibase,
    );
  });

  it('the done step has one PDF button, the primary action, and "Unduh JSON" beside it as secondary', async () => {
    const el = await mount('signature-types="typed"');
    await toReview(el);
    await sign(el);
    await el.updateComplete;
    const controls = [...root(el).querySelectorAll<HTMLElement>('.actions button, .actions a')];
    expect(controls.map((c) => [c.textContent?.trim(), c.classList.contains('primary')])).to.deep.equal([
      ['Unduh PDF', true],
      ['Unduh JSON', false],
    ]);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('certificate-url: "Unduh PDF" links to the host certificate of this record instead of making one', async () => {
    const el = await mount('signature-types="typed" certificate-url="/api/records/{id}/certificate.pdf"');
    await toReview(el);
    const e = (await sign(el)) as IkrarSignedEvent;
    await el.updateComplete;
    const uuid = e.detail.record.id.replace('urn:uuid:', '');
    const pdfs = [...root(el).querySelectorAll<HTMLElement>('.actions button, .actions a')].filter(
      (c) => c.textContent?.trim() === 'Unduh PDF',
    );
    expect(pdfs.length).to.equal(1);
    expect(pdfs[0]!.tagName).to.equal('A');
    expect(pdfs[0]!.getAttribute('href')).to.equal(`/api/records/${uuid}/certificate.pdf`);
    expect(pdfs[0]!.classList.contains('primary')).to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  for (const page of ['index.html', 'sign-event.html']) {
    it(`examples/html/${page} listens before the element loads: its log starts with ikrar-ready`, async () => {
      await requireBundle();
      const iframe = document.createElement('iframe');
      const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
      iframe.src = `/examples/html/${page}`;
      document.body.append(iframe);
      try {
        await loaded;
        const win = iframe.contentWindow as Window & typeof globalThis;
        await win.customElements.whenDefined('ikrar-netralitas');
        const el = (iframe.contentDocument as Document).querySelector('ikrar-netralitas') as IkrarNetralitas;
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 50));
        const first = iframe.contentDocument!.querySelector('#log li')?.textContent ?? '';
        expect(first).to.match(/^ikrar-ready /);
      } finally {
        iframe.remove();
      }
    });
  }
});
