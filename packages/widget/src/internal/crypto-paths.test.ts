// The element's cryptography in Chromium: @ikrar/core/webcrypto (WebCrypto Ed25519 and SHA-256,
// noble loaded only as a fallback) gives the verdict of core's noble `verifyEd25519` on every
// Wycheproof case (read in place from ../shared/vectors, served by the test server) and on our
// forgeries; and the element still signs and verifies when crypto.subtle has no Ed25519, and when
// there is no crypto.subtle at all (a plain-http intranet).
import { verifyPledge, type SignedPledge } from '@ikrar/core';
import { hexToBytes, verifyEd25519 } from '@ikrar/core/crypto';
import { hasNativeEd25519, verifyEd25519Async } from '@ikrar/core/webcrypto';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { forgeryCases } from '../../../core/test/fixtures/ed25519-forgeries.js';
import '../index.js';
import type { IkrarErrorEvent } from '../events/ikrar-error.js';
import type { IkrarSignedEvent } from '../events/ikrar-signed.js';
import type { IkrarNetralitas } from '../components/ikrar-netralitas/ikrar-netralitas.component.js';

interface WycheproofFile {
  testGroups: { publicKey: { pk: string }; tests: { tcId: number; comment: string; msg: string; sig: string }[] }[];
}

const realSubtle = crypto.subtle;
/** crypto.subtle of an older browser: SHA-256 works, Ed25519 is refused. */
const noEd25519 = new Proxy(realSubtle, {
  get(target, prop) {
    const v = Reflect.get(target, prop, target) as unknown;
    if (typeof v !== 'function') return v;
    return (...args: unknown[]) =>
      args.some((x) => x === 'Ed25519' || (x as { name?: string } | null)?.name === 'Ed25519')
        ? Promise.reject(new DOMException('Algorithm: Unrecognized name', 'NotSupportedError'))
        : (v as (...a: unknown[]) => unknown).apply(target, args);
  },
});
const ENGINES: [string, SubtleCrypto | undefined][] = [
  ['WebCrypto Ed25519', realSubtle],
  ['fallback: no Ed25519 in crypto.subtle', noEd25519],
  ['fallback: no crypto.subtle (plain http)', undefined],
];
function useSubtle(subtle: SubtleCrypto | undefined): void {
  if (subtle === realSubtle) delete (crypto as { subtle?: SubtleCrypto }).subtle;
  else Object.defineProperty(crypto, 'subtle', { value: subtle, configurable: true });
}

async function wycheproof(): Promise<WycheproofFile | null> {
  const r = await fetch('/__ikrar-vectors/wycheproof-ed25519.json');
  if (r.ok) return (await r.json()) as WycheproofFile;
  console.warn('[vectors] ../shared/vectors not found: Wycheproof cases skipped');
  return null;
}

const q = <T extends HTMLElement = HTMLElement>(el: IkrarNetralitas, sel: string): T =>
  (el.shadowRoot as ShadowRoot).querySelector<T>(sel) as T;
async function input(el: IkrarNetralitas, sel: string, value: string): Promise<void> {
  const i = q<HTMLInputElement>(el, sel);
  i.value = value;
  i.dispatchEvent(new Event('input'));
  i.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}
async function next(el: IkrarNetralitas): Promise<void> {
  q(el, 'button.primary').click();
  await el.updateComplete;
}

/** Signs a pledge in browser-key mode with a typed signature; returns the event. */
async function signInBrowser(): Promise<IkrarSignedEvent | IkrarErrorEvent> {
  const el = await fixture<IkrarNetralitas>(
    '<ikrar-netralitas agency="Pemerintah Kabupaten Klaten" event-name="Pemilu 2024" signing-mode="browser-key" signature-types="typed"></ikrar-netralitas>',
  );
  await el.updateComplete;
  for (const box of (el.shadowRoot as ShadowRoot).querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
    box.click();
  await el.updateComplete;
  await next(el);
  await input(el, '#f-name', 'Sri Wahyuni');
  q(el, 'input[value=PNS]').click();
  await el.updateComplete;
  await input(el, '#f-identifier', '199001012015032001');
  await next(el);
  await input(el, '#f-typed', 'Sri Wahyuni');
  await next(el);
  expect(el.currentStep).to.equal('review');
  const done = Promise.race([oneEvent(el, 'ikrar-signed'), oneEvent(el, 'ikrar-error')]);
  q(el, 'button.primary').click();
  return (await done) as IkrarSignedEvent | IkrarErrorEvent;
}

describe('crypto paths in Chromium', () => {
  afterEach(() => useSubtle(realSubtle));

  it('this Chromium has Ed25519 in WebCrypto (the path a modern browser takes)', async () => {
    expect(await hasNativeEd25519()).to.equal(true);
  });

  for (const [engine, subtle] of ENGINES) {
    describe(engine, () => {
      it('verifyEd25519Async gives verifyEd25519’s verdict on every Wycheproof case', async () => {
        const file = await wycheproof();
        if (!file) return;
        useSubtle(subtle);
        let n = 0;
        for (const [gi, g] of file.testGroups.entries()) {
          const pub = hexToBytes(g.publicKey.pk);
          for (const v of g.tests) {
            const [sig, msg] = [hexToBytes(v.sig), hexToBytes(v.msg)];
            expect(await verifyEd25519Async(sig, msg, pub), `(${gi}/${v.tcId}): ${v.comment}`).to.equal(
              verifyEd25519(sig, msg, pub),
            );
            n++;
          }
        }
        expect(n).to.equal(151);
      });

      it('verifyEd25519Async gives verifyEd25519’s verdict on every forgery', async () => {
        useSubtle(subtle);
        const cases = forgeryCases();
        let accepted = 0;
        for (const c of cases) {
          const want = verifyEd25519(c.signature, c.message, c.publicKey);
          expect(await verifyEd25519Async(c.signature, c.message, c.publicKey), c.name).to.equal(want);
          if (want && c.name.startsWith('mixed-order')) accepted++;
          if (/identity|small-order|S \+ L|S = L|non-canonical|off-curve/.test(c.name))
            expect(want, c.name).to.equal(false);
        }
        expect(cases.length).to.be.greaterThan(70);
        expect(accepted, 'mixed-order cases the reference accepts').to.be.greaterThan(0);
      });

      it('the element signs in browser-key mode and the record verifies', async () => {
        useSubtle(subtle);
        const e = await signInBrowser();
        expect(e.type, (e as IkrarErrorEvent).detail?.code).to.equal('ikrar-signed');
        const record = (e as IkrarSignedEvent).detail.record as SignedPledge;
        expect((e as IkrarSignedEvent).detail.verification.verified).to.equal(true);
        useSubtle(realSubtle);
        expect((await verifyPledge(JSON.parse(JSON.stringify(record)))).verified).to.equal(true);
      });
    });
  }
});
