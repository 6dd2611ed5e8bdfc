// <ikrar-netralitas> in a real headless Chromium: rendering in both languages, each step, a
// keyboard-only signing, drawing with pointer events across a resize, axe in every step and
// language, events, form submit and reset, the endpoint test server, the sign-request event,
// verification with @ikrar/core, and a page with a strict Content-Security-Policy.
import { createPledge, generateKeyPair, signPledge, verifyPledge, type SignedPledge } from '@ikrar/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { IkrarErrorEvent } from '../../events/ikrar-error.js';
import type { IkrarSignedEvent } from '../../events/ikrar-signed.js';
import { defineElement } from '../../internal/define.js';
import { VERSION } from '../../internal/version.js';
import type { IkrarNetralitas } from './ikrar-netralitas.component.js';
import {
  NIP,
  AGENCY,
  EVENT,
  root,
  q,
  heading,
  deepActive,
  mount,
  next,
  type,
  acknowledgeAll,
  fillIdentity,
  toReview,
  sign,
  agencyDid,
  axeViolations,
  BUNDLE,
  requireBundle,
  tabTo,
  readyCanvas,
  drawOn,
} from './test-helpers.js';

describe('<ikrar-netralitas>', () => {
  it('registers the tag once, and a second define is harmless', () => {
    expect(customElements.get('ikrar-netralitas')).to.be.a('function');
    const ctor = customElements.get('ikrar-netralitas') as CustomElementConstructor & { version: string };
    expect(ctor.version).to.equal(VERSION);
    expect(defineElement('ikrar-netralitas', ctor, VERSION)).to.equal(false);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      expect(defineElement('ikrar-netralitas', class extends HTMLElement {}, '9.9.9')).to.equal(false);
    } finally {
      console.warn = warn;
    }
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain('9.9.9');
  });

  it('loading a second copy of the script (the built bundle) is harmless', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    const before = customElements.get('ikrar-netralitas');
    try {
      await requireBundle();
      const bundle = (await import(/* @vite-ignore */ BUNDLE)) as { IkrarNetralitas: unknown };
      expect(bundle.IkrarNetralitas).to.not.equal(before);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('ikrar-netralitas')).to.equal(before);
    expect(warnings).to.deep.equal([]);
  });

  it('keeps VERSION in step with package.json', async () => {
    const pkg = (await (await fetch('/packages/widget/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });

  it('renders the pledge in Bahasa Indonesia by default, with every point and the event', async () => {
    const el = await mount();
    expect(heading(el)).to.contain('Ikrar');
    expect(root(el).querySelectorAll('.point').length).to.equal(4);
    expect(q(el, 'h3').textContent).to.equal('Ikrar Netralitas Aparatur Sipil Negara');
    expect(root(el).textContent).to.contain(`lingkungan ${AGENCY}`);
    expect(q(el, '.event').textContent).to.contain(EVENT);
    expect(q(el, 'button.primary').textContent?.trim()).to.equal('Lanjut');
    expect(q(el, 'details summary').textContent).to.equal('Dasar hukum');
  });

  it('follows the nearest lang, switches live, and `language` overrides it', async () => {
    const el = await mount('', 'en-GB');
    expect(q(el, 'h3').textContent).to.equal('Civil Servant Neutrality Pledge');
    expect(q(el, 'button.primary').textContent?.trim()).to.equal('Next');
    (el.parentElement as HTMLElement).setAttribute('lang', 'id');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(q(el, 'button.primary').textContent?.trim()).to.equal('Lanjut');
    el.language = 'en';
    await el.updateComplete;
    expect(q(el, 'button.primary').textContent?.trim()).to.equal('Next');
  });

  it('fires ikrar-ready with the template and mode', async () => {
    const wrapper = document.createElement('div');
    const ready = new Promise<CustomEvent>((resolve) =>
      wrapper.addEventListener('ikrar-ready', (e) => resolve(e as CustomEvent), { once: true }),
    );
    wrapper.innerHTML = `<ikrar-netralitas agency="${AGENCY}" event-name="${EVENT}" template="jembrana-2024"></ikrar-netralitas>`;
    document.body.append(wrapper);
    try {
      const e = await ready;
      expect(e.detail).to.deep.equal({
        language: 'id',
        template: { id: 'jembrana-2024', version: '1.0.0' },
        signingMode: 'browser-key',
      });
    } finally {
      wrapper.remove();
    }
  });

  it('reports a bad configuration with ERR_CONFIG_INVALID instead of a broken form', async () => {
    const wrapper = document.createElement('div');
    const error = new Promise<IkrarErrorEvent>((resolve) =>
      wrapper.addEventListener('ikrar-error', (e) => resolve(e as IkrarErrorEvent), { once: true }),
    );
    wrapper.innerHTML = `<ikrar-netralitas event-name="${EVENT}" signing-mode="endpoint"></ikrar-netralitas>`;
    document.body.append(wrapper);
    try {
      const e = await error;
      expect(e.detail.code).to.equal('ERR_CONFIG_INVALID');
      expect(e.detail.retryable).to.equal(false);
      expect(e.detail.detail).to.contain('agency');
      const el = wrapper.firstElementChild as IkrarNetralitas;
      expect(q(el, '[role=alert]').textContent).to.contain('ERR_CONFIG_INVALID');
    } finally {
      wrapper.remove();
    }
  });

  it('reflects attributes to properties; a removed attribute falls back to its default', async () => {
    const el = await mount('template="jembrana-2024" time-zone="WITA" endpoint-timeout="500" signature-types="typed"');
    expect(el.template).to.equal('jembrana-2024');
    expect(el.timeZone).to.equal('WITA');
    expect(el.endpointTimeout).to.equal(500);
    el.removeAttribute('template');
    el.removeAttribute('time-zone');
    el.removeAttribute('signature-types');
    el.removeAttribute('agency');
    await el.updateComplete;
    expect(el.template).to.equal('skb-2022-asn');
    expect(el.timeZone).to.equal('WIB');
    expect(el.signatureTypes).to.equal('drawn typed');
    expect(el.agency).to.equal('');
    expect(q(el, '[role=alert]').textContent).to.contain('agency');
    el.name = 'ikrar';
    await el.updateComplete;
    expect(el.getAttribute('name')).to.equal('ikrar');
  });

  it('each property is declared once: its attribute is the kebab-case of its name (the JSX type relies on it)', async () => {
    const el = await mount('endpoint-retries="5"');
    const ctor = el.constructor as typeof IkrarNetralitas;
    const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const declared = [...ctor.elementProperties].filter(([, o]) => o.attribute !== false && !o.state);
    expect(declared.length).to.equal(21);
    for (const [name, o] of declared) {
      const attribute = typeof o.attribute === 'string' ? o.attribute : String(name).toLowerCase();
      expect(attribute, String(name)).to.equal(kebab(String(name)));
    }
    expect([...ctor.observedAttributes].sort()).to.deep.equal(declared.map(([n]) => kebab(String(n))).sort());
    // No reactive state on the element itself: the controllers hold it.
    expect([...ctor.elementProperties].filter(([, o]) => o.state)).to.deep.equal([]);
    // A removed number attribute reads as its initial value too, not null.
    expect(el.endpointRetries).to.equal(5);
    el.removeAttribute('endpoint-retries');
    await el.updateComplete;
    expect(el.endpointRetries).to.equal(2);
  });

  it("the README's attribute table lists exactly the declared properties, with their defaults", async () => {
    // The declarations are the source (their JSDoc makes dist/custom-elements.json); the README
    // table is prose around them, so it is checked here instead of being a second list that drifts.
    type Member = { kind: string; name: string; attribute?: string; default?: string };
    type Manifest = { modules: { declarations?: { name: string; members?: Member[] }[] }[] };
    const manifest = (await (await fetch('/packages/widget/dist/custom-elements.json')).json()) as Manifest;
    const declared = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .find((d) => d.name === 'IkrarNetralitasProperties')!
      .members!.filter((m) => m.kind === 'field');
    const readme = await (await fetch('/packages/widget/README.md')).text();
    const section = readme.slice(readme.indexOf('## Attributes and properties'), readme.indexOf('Read-only:'));
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| attribute') && !l.startsWith('| ---'))
      .map((l) => l.split('|').map((c) => c.trim().replaceAll('`', '')));
    expect(rows.map((r) => [r[1], r[2]])).to.deep.equal(declared.map((m) => [m.attribute ?? '', m.name]));
    for (const [i, m] of declared.entries()) {
      const value = (m.default ?? '').replace(/^'(.*)'$/, '$1');
      if (value !== '' && value !== 'null') expect(rows[i]![3], m.name).to.contain(value);
    }
  });

  it('pledge step: every point must be acknowledged; focus goes to the first one missing', async () => {
    const el = await mount();
    const changes: string[] = [];
    el.addEventListener('ikrar-change', (e) => changes.push(`${e.detail.field}:${e.detail.stepComplete}`));
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    boxes[0]!.click();
    boxes[1]!.click();
    await el.updateComplete;
    await next(el);
    expect(el.currentStep).to.equal('pledge');
    await el.updateComplete;
    expect(deepActive(el)).to.equal(boxes[2]);
    expect(boxes[2]!.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, 'p.error').textContent).to.contain('2 butir belum disetujui');
    boxes[2]!.click();
    boxes[3]!.click();
    await el.updateComplete;
    expect(changes).to.deep.equal(['point-1:false', 'point-2:false', 'point-3:false', 'point-4:true']);
    await next(el);
    expect(el.currentStep).to.equal('identity');
    await el.updateComplete;
    expect(deepActive(el)?.tagName).to.equal('H2');
    expect(q(el, '[role=status]').textContent).to.equal('Langkah 2 dari 5: Identitas');
  });

  it('identity step: live NIP / NIK validation from core, in the signer language', async () => {
    const el = await mount('template="jembrana-2024"');
    await acknowledgeAll(el);
    await next(el);
    q(el, 'input[value=PNS]').click();
    await el.updateComplete;
    expect(q(el, 'label[for=f-identifier]').textContent).to.contain('NIP');
    await type(el, 'f-identifier', '12345');
    expect(q(el, '#f-identifier').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#error-identifier').textContent).to.match(/18/);
    await type(el, 'f-identifier', '1990 0101 201503 2 001');
    expect(q(el, '#f-identifier').getAttribute('aria-invalid')).to.equal('false');
    expect(q(el, '.ok').textContent).to.equal('Format nomor sudah benar.');
    q(el, 'input[value=PPNPN]').click();
    await el.updateComplete;
    expect(q(el, 'label[for=f-identifier]').textContent).to.contain('NIK');
    expect(q(el, '#f-identifier').getAttribute('aria-invalid')).to.equal('true');
    await next(el);
    expect(el.currentStep).to.equal('identity');
    expect(q(el, '#error-name').textContent).to.equal('Nama lengkap wajib diisi.');
  });

  it('prefill and lock: locked fields are read-only and a fully prefilled form completes', async () => {
    const prefill = JSON.stringify({
      name: 'Sri Wahyuni',
      employeeType: 'PNS',
      identifier: NIP,
      position: 'Analis',
      workUnit: 'Dinas Kominfo',
      __proto__: { evil: true },
    });
    const el = await mount(`prefill='${prefill}' lock signature-types="typed"`);
    await acknowledgeAll(el);
    await next(el);
    for (const id of ['f-name', 'f-identifier', 'f-position', 'f-workUnit']) {
      const input = q<HTMLInputElement>(el, `#${id}`);
      expect(input.readOnly, id).to.equal(true);
    }
    expect(root(el).querySelectorAll('input[name=employeeType]').length).to.equal(1);
    await type(el, 'f-name', 'Someone Else');
    expect(el.identity.name).to.equal('Sri Wahyuni');
    await next(el);
    expect(el.currentStep).to.equal('signature');
    expect(root(el).querySelector('input[value=drawn]')).to.equal(null);
    await type(el, 'f-typed', 'Sri Wahyuni');
    await next(el);
    const e = (await sign(el)) as IkrarSignedEvent;
    expect(e.type).to.equal('ikrar-signed');
    expect(e.detail.record.credentialSubject.signer.workUnit).to.equal('Dinas Kominfo');
  });

  it('allows only the signature types the host lists', async () => {
    const el = await mount('signature-types="drawn"');
    await acknowledgeAll(el);
    await next(el);
    await fillIdentity(el);
    await next(el);
    expect(root(el).querySelector('button[data-type=typed]')).to.equal(null);
    expect(root(el).querySelector('canvas')).to.not.equal(null);
  });

  it('signs with the keyboard only (typed signature), and the record verifies', async () => {
    const el = await mount();
    q(el, 'input[type=checkbox]').focus();
    for (let i = 1; i <= 4; i++) {
      await tabTo(el, `input[aria-describedby=point-${i}]`);
      await sendKeys({ press: 'Space' });
    }
    await tabTo(el, 'button.primary');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.currentStep).to.equal('identity');
    await tabTo(el, '#f-name');
    await sendKeys({ type: 'Sri Wahyuni' });
    await tabTo(el, 'input[name=employeeType]');
    await sendKeys({ press: 'Space' });
    await tabTo(el, '#f-identifier');
    await sendKeys({ type: NIP });
    await tabTo(el, 'button.primary');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.currentStep).to.equal('signature');
    // No pointer was used: "Ketik nama" comes first and is chosen; the choices are buttons
    // (Tab and Enter, no arrow keys), and the page says so.
    const choices = [...root(el).querySelectorAll<HTMLButtonElement>('button.choice')];
    expect(choices.map((b) => b.dataset.type)).to.deep.equal(['typed', 'drawn']);
    expect(choices.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false']);
    expect(q(el, '#type-help').textContent).to.contain('Tab lalu Enter');
    await tabTo(el, 'button[data-type=drawn]');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.signatureType).to.equal('drawn');
    expect(root(el).querySelector('canvas')).to.not.equal(null);
    q(el, 'button[data-type=typed]').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.signatureType).to.equal('typed');
    await tabTo(el, '#f-typed');
    await sendKeys({ type: 'Sri Wahyuni' });
    await tabTo(el, 'button.primary');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.currentStep).to.equal('review');
    await tabTo(el, 'button.primary');
    const signed = oneEvent(el, 'ikrar-signed') as Promise<IkrarSignedEvent>;
    await sendKeys({ press: 'Enter' });
    const e = await signed;
    const record = e.detail.record;
    expect(record.credentialSubject.consent.method).to.equal('typed');
    expect(record.credentialSubject.consent.typedName).to.equal('Sri Wahyuni');
    expect(e.detail.signature).to.equal(undefined); // strokes only for a drawn signature
    expect(record.credentialSubject.consent.acknowledgedPoints).to.deep.equal([1, 2, 3, 4]);
    expect(record.issuer.name).to.equal(AGENCY);
    const check = await verifyPledge(JSON.parse(JSON.stringify(record)));
    expect(check.verified).to.equal(true);
    await el.updateComplete;
    expect(el.currentStep).to.equal('done');
    expect(deepActive(el)?.tagName).to.equal('H2');
  });

  it('draws with pointer events, keeps the strokes across a resize, undo and clear', async () => {
    const el = await mount('signature-types="drawn"');
    (el.parentElement as HTMLElement).style.width = '600px';
    await acknowledgeAll(el);
    await next(el);
    await fillIdentity(el);
    await next(el);
    const canvas = await readyCanvas(el);
    const draw = (points: [number, number][]): Promise<void> => drawOn(el, canvas, points);
    await draw([
      [20, 40],
      [60, 60],
      [100, 50],
      [140, 80],
    ]);
    await draw([
      [30, 90],
      [90, 100],
    ]);
    expect(el.drawing?.groups.length).to.equal(2);
    expect(q(el, '#draw-status').textContent?.trim()).to.equal('Tanda tangan digambar dengan 2 goresan.');
    const before = el.drawing!;
    const x0 = before.groups[0]!.points[0]!.x;

    (el.parentElement as HTMLElement).style.width = '300px';
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    const after = el.drawing!;
    expect(after.groups.length).to.equal(2);
    expect(after.width).to.be.below(before.width);
    const scale = after.width / before.width;
    expect(after.groups[0]!.points[0]!.x).to.be.closeTo(x0 * scale, 0.01);
    // The strokes are on the new canvas too: its pixels are not all blank.
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    expect(pixels.some((v, i) => i % 4 === 3 && v > 0)).to.equal(true);

    q(el, '.tools button').click(); // Urungkan
    await el.updateComplete;
    expect(el.drawing?.groups.length).to.equal(1);
    await next(el);
    expect(el.currentStep).to.equal('review');
    expect(root(el).querySelectorAll('.signature-preview polyline').length).to.equal(1);
    const e = (await sign(el)) as IkrarSignedEvent;
    expect(e.detail.record.credentialSubject.consent.method).to.equal('drawn');
    expect(e.detail.record.credentialSubject.consent.signatureDigestMultibase).to.match(/^u[A-Za-z0-9_-]{44,}$/);
    // The PDF gets the very strokes the digest was made of (core refuses others).
    const { renderCertificate } = await import('@ikrar/core/pdf');
    const { digestSignatureStrokes } = await import('@ikrar/core');
    const drawn = {
      width: el.drawing!.width,
      height: el.drawing!.height,
      strokes: el.drawing!.groups.map((g) => g.points.map((p) => ({ x: p.x, y: p.y }))),
    };
    expect(digestSignatureStrokes(drawn)).to.equal(e.detail.record.credentialSubject.consent.signatureDigestMultibase);
    // The event hands the host the same strokes, for a certificate made elsewhere (a server).
    expect(e.detail.signature).to.deep.equal(drawn);
    const pdf = await renderCertificate(e.detail.record, { signature: e.detail.signature });
    expect(pdf.length).to.be.above(1000);
  });

  for (const lang of ['id', 'en']) {
    it(`is axe-clean in every step (${lang})`, async () => {
      const el = await mount('', lang);
      const seen: Record<string, string[]> = {};
      seen.pledge = await axeViolations(el);
      await next(el); // with errors shown
      seen['pledge-errors'] = await axeViolations(el);
      await acknowledgeAll(el);
      await next(el);
      await next(el);
      seen['identity-errors'] = await axeViolations(el);
      await fillIdentity(el);
      seen.identity = await axeViolations(el);
      await next(el);
      q(el, 'button[data-type=drawn]').click();
      await el.updateComplete;
      seen['signature-drawn'] = await axeViolations(el);
      q(el, 'button[data-type=typed]').click();
      await el.updateComplete;
      await type(el, 'f-typed', 'Sri Wahyuni');
      seen['signature-typed'] = await axeViolations(el);
      await next(el);
      seen.review = await axeViolations(el);
      await sign(el);
      await el.updateComplete;
      seen.done = await axeViolations(el);
      for (const [step, violations] of Object.entries(seen)) expect(violations, `${lang}/${step}`).to.deep.equal([]);
    });
  }

  it('disabled (or inside a disabled fieldset) disables every control', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset>
          <ikrar-netralitas agency=${AGENCY} event-name=${EVENT}></ikrar-netralitas>
        </fieldset>
      </form>`,
    );
    const el = form.querySelector('ikrar-netralitas') as IkrarNetralitas;
    await el.updateComplete;
    const enabled = (): number =>
      [...root(el).querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')].filter((c) => !c.disabled)
        .length;
    expect(enabled()).to.be.above(0);
    (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = true;
    await el.updateComplete;
    expect(enabled()).to.equal(0);
    (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = false;
    await el.updateComplete;
    el.disabled = true;
    await el.updateComplete;
    expect(enabled()).to.equal(0);
    expect(el.hasAttribute('disabled')).to.equal(true);
  });

  it('is form-associated: required until signed, submits the record, resets', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <ikrar-netralitas name="ikrar" required agency=${AGENCY} event-name=${EVENT}></ikrar-netralitas>
      </form>`,
    );
    const el = form.querySelector('ikrar-netralitas') as IkrarNetralitas;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(new FormData(form).get('ikrar')).to.equal(null);
    await toReview(el);
    await sign(el);
    expect(form.checkValidity()).to.equal(true);
    const value = new FormData(form).get('ikrar') as string;
    const record = JSON.parse(value) as SignedPledge;
    expect(record.id).to.match(/^urn:uuid:/);
    expect(el.value).to.equal(value);
    const submitted = new Promise<FormData>((resolve) =>
      form.addEventListener(
        'submit',
        (e) => {
          e.preventDefault();
          resolve(new FormData(form));
        },
        { once: true },
      ),
    );
    form.requestSubmit();
    expect((await submitted).get('ikrar')).to.equal(value);
    form.reset();
    await el.updateComplete;
    expect(el.currentStep).to.equal('pledge');
    expect(el.value).to.equal('');
    expect(form.checkValidity()).to.equal(false);
  });

  it('endpoint mode: POSTs the credential, verifies the countersigned record, fires ikrar-signed', async () => {
    const issuer = await agencyDid();
    const el = await mount(`endpoint="/test-endpoint/ok" issuer="${issuer}"`);
    expect(el.resolvedSigningMode).to.equal('endpoint');
    await toReview(el);
    const e = (await sign(el)) as IkrarSignedEvent;
    expect(e.type).to.equal('ikrar-signed');
    expect(e.detail.signingMode).to.equal('endpoint');
    expect(e.detail.record.issuer.id).to.equal(issuer);
    const check = await verifyPledge(e.detail.record);
    expect(check.verified).to.equal(true);
    expect(check.issuerProof).to.equal(0);
    const before = el.value;
    e.detail.record.credentialSubject.signer.name = 'changed by the host';
    expect(el.value).to.equal(before);
  });

  it("endpoint mode: the agency's credentialStatus, added under its proof, is accepted", async () => {
    const el = await mount(`endpoint="/test-endpoint/status" issuer="${await agencyDid()}"`);
    await toReview(el);
    const e = (await sign(el)) as IkrarSignedEvent;
    expect(e.type).to.equal('ikrar-signed');
    expect(e.detail.record.credentialStatus?.statusListIndex).to.equal('4242');
    expect((await verifyPledge(e.detail.record)).verified).to.equal(true);
  });

  const failures: [string, string, number | undefined, string][] = [
    ['reject', 'ERR_ENDPOINT_REJECTED', 422, ''],
    ['fail', 'ERR_ENDPOINT_FAILED', 503, ''],
    ['tampered', 'ERR_RECORD_MISMATCH', undefined, ''],
    ['status-tampered', 'ERR_RECORD_MISMATCH', undefined, ''],
    ['stranger', 'ERR_RECORD_UNVERIFIED', undefined, 'ERR_ISSUER_MISMATCH'],
    ['garbage', 'ERR_RESPONSE_INVALID', undefined, ''],
  ];
  for (const [path, code, status, detail] of failures) {
    it(`endpoint mode: /${path} gives ${code} and never ikrar-signed`, async () => {
      const el = await mount(`endpoint="/test-endpoint/${path}" issuer="${await agencyDid()}" endpoint-retries="0"`);
      let signed = 0;
      el.addEventListener('ikrar-signed', () => signed++);
      await toReview(el);
      const e = (await sign(el)) as IkrarErrorEvent;
      expect(e.type).to.equal('ikrar-error');
      expect(e.detail.code).to.equal(code);
      expect(e.detail.status).to.equal(status);
      if (detail) expect(e.detail.detail).to.equal(detail);
      expect(e.detail.message).to.equal(e.detail.messages.id);
      await el.updateComplete;
      expect(el.currentStep).to.equal('review');
      expect(q(el, '[role=alert]').textContent).to.contain(code);
      expect(el.value).to.equal('');
      expect(signed).to.equal(0);
    });
  }

  it('endpoint mode: retries a 5xx and succeeds; "Coba lagi" retries by hand', async () => {
    const issuer = await agencyDid();
    const el = await mount(`endpoint="/test-endpoint/flaky" issuer="${issuer}" endpoint-retries="1"`);
    await toReview(el);
    const e = await sign(el);
    expect(e.type).to.equal('ikrar-signed');
    const counts = (await (await fetch('/test-endpoint/counts')).json()) as Record<string, number>;
    expect(counts.flaky).to.equal(2);
  });

  it('endpoint mode: a stalled server times out with ERR_ENDPOINT_TIMEOUT, and the retry button works', async () => {
    const issuer = await agencyDid();
    const el = await mount(
      `endpoint="/test-endpoint/slow" issuer="${issuer}" endpoint-timeout="300" endpoint-retries="0"`,
    );
    await toReview(el);
    const e = (await sign(el)) as IkrarErrorEvent;
    expect(e.detail.code).to.equal('ERR_ENDPOINT_TIMEOUT');
    expect(e.detail.retryable).to.equal(true);
    await el.updateComplete;
    const retry = q(el, '.alert button');
    expect(deepActive(el)).to.equal(retry);
    el.endpoint = '/test-endpoint/ok';
    await el.updateComplete;
    const done = oneEvent(el, 'ikrar-signed') as Promise<IkrarSignedEvent>;
    q(el, '.alert button').click();
    expect((await done).detail.record.issuer.id).to.equal(issuer);
  });

  it('event mode: the host answers ikrar-sign-request; the record is verified before ikrar-signed', async () => {
    const agency = generateKeyPair();
    const el = await mount(`signing-mode="event" issuer="${agency.controller}"`);
    el.addEventListener('ikrar-sign-request', (e) => {
      expect(e.cancelable).to.equal(true);
      e.detail.respondWith(signPledge(e.detail.credential, agency).then((r) => JSON.stringify(r)));
    });
    await toReview(el);
    const e = (await sign(el)) as IkrarSignedEvent;
    expect(e.type).to.equal('ikrar-signed');
    expect(e.detail.signingMode).to.equal('event');
    expect(e.detail.verification.verified).to.equal(true);
  });

  it('event mode: unanswered, canceled and rejected requests are errors', async () => {
    const agency = generateKeyPair();
    const el = await mount(`signing-mode="event" issuer="${agency.controller}"`);
    await toReview(el);
    expect(((await sign(el)) as IkrarErrorEvent).detail.code).to.equal('ERR_SIGN_REQUEST_UNANSWERED');
    const cancel = (e: Event): void => e.preventDefault();
    el.addEventListener('ikrar-sign-request', cancel);
    expect(((await sign(el)) as IkrarErrorEvent).detail.code).to.equal('ERR_SIGN_REQUEST_CANCELED');
    el.removeEventListener('ikrar-sign-request', cancel);
    el.addEventListener('ikrar-sign-request', (e) => e.detail.respondWith(Promise.reject(new Error('backend down'))));
    expect(((await sign(el)) as IkrarErrorEvent).detail.code).to.equal('ERR_SIGN_REQUEST_FAILED');
  });

  it("event mode: accepts the agency's own evidence (apel presence) beside the credential, covered by its proof", async () => {
    const agency = generateKeyPair();
    const el = await mount(`signing-mode="event" issuer="${agency.controller}"`);
    const evidence = [{ type: ['ApelPresence'] as ['ApelPresence'], atApel: false }];
    el.addEventListener('ikrar-sign-request', (e) => {
      e.detail.respondWith(signPledge({ ...e.detail.credential, evidence }, agency));
    });
    await toReview(el);
    const e = (await sign(el)) as IkrarSignedEvent;
    expect(e.type).to.equal('ikrar-signed');
    expect(e.detail.record.evidence).to.deep.equal(evidence);
  });

  it('event mode: evidence added after the agency signed is refused', async () => {
    const agency = generateKeyPair();
    const el = await mount(`signing-mode="event" issuer="${agency.controller}"`);
    el.addEventListener('ikrar-sign-request', (e) => {
      e.detail.respondWith(
        signPledge(e.detail.credential, agency).then((r) => ({
          ...r,
          evidence: [{ type: ['ApelPresence'], atApel: true }],
        })),
      );
    });
    await toReview(el);
    const err = (await sign(el)) as IkrarErrorEvent;
    expect(err.detail.code).to.equal('ERR_RECORD_UNVERIFIED');
  });

  it('event mode: a record for a different credential is refused', async () => {
    const agency = generateKeyPair();
    const el = await mount(`signing-mode="event" issuer="${agency.controller}"`);
    el.addEventListener('ikrar-sign-request', (e) => {
      const other = createPledge({ ...rebuild(e.detail.credential), id: undefined });
      e.detail.respondWith(signPledge(other, agency));
    });
    await toReview(el);
    expect(((await sign(el)) as IkrarErrorEvent).detail.code).to.equal('ERR_RECORD_MISMATCH');
  });

  it('browser-key mode with a host issuer: the employee key signs and is named as the subject', async () => {
    const agency = generateKeyPair();
    const el = await mount(`issuer="${agency.controller}"`);
    await toReview(el);
    const e = (await sign(el)) as IkrarSignedEvent;
    const record = e.detail.record;
    expect(record.issuer.id).to.equal(agency.controller);
    expect(record.credentialSubject.id).to.match(/^did:key:z6Mk/);
    expect((await verifyPledge(record, { requireIssuerProof: false })).verified).to.equal(true);
    // The agency countersigns later; then the record is complete.
    const countersigned = await signPledge(record, agency);
    const check = await verifyPledge(countersigned);
    expect(check.verified).to.equal(true);
    expect(check.proofs.length).to.equal(2);
  });

  it('done step: summary with a masked identifier and a JSON download', async () => {
    const el = await mount();
    await toReview(el);
    await sign(el);
    await el.updateComplete;
    expect(q(el, '[part=summary].badge').textContent).to.contain('Tanda tangan terverifikasi');
    expect(q(el, 'dl').textContent).to.contain('**************2001');
    expect(q(el, 'dl').textContent).to.not.contain(NIP);
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      created.push(b as Blob);
      return original.call(URL, b);
    };
    const clicks: string[] = [];
    const onClick = (e: Event): void => {
      if (!(e.target instanceof HTMLAnchorElement)) return;
      clicks.push(e.target.download);
      e.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    try {
      q(el, 'button.secondary').click(); // "Unduh JSON" is secondary; "Unduh PDF" is the primary action
    } finally {
      URL.createObjectURL = original;
      document.removeEventListener('click', onClick, true);
    }
    expect(clicks.length).to.equal(1);
    expect(clicks[0]).to.match(/^ikrar-[0-9a-f]{8}\.json$/);
    const text = await created[0]!.text();
    expect((await verifyPledge(JSON.parse(text))).verified).to.equal(true);
  });

  it('"Unduh PDF" loads @ikrar/core/pdf on click and downloads the certificate with the record inside', async () => {
    const el = await mount('signature-types="typed"');
    await toReview(el);
    await sign(el);
    await el.updateComplete;
    const pdfButton = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Unduh PDF');
    expect(pdfButton, 'PDF button').to.not.equal(undefined);
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return original.call(URL, b);
    };
    const names: string[] = [];
    const onClick = (e: Event): void => {
      if (!(e.target instanceof HTMLAnchorElement)) return;
      names.push(e.target.download);
      e.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    let errors = 0;
    el.addEventListener('ikrar-error', (e) => {
      errors++;
      console.log(e.detail.code, e.detail.detail);
    });
    try {
      pdfButton!.click();
      await el.updateComplete;
      expect(pdfButton!.getAttribute('aria-busy')).to.equal('true');
      for (let i = 0; i < 300 && names.length === 0 && errors === 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      URL.createObjectURL = original;
      document.removeEventListener('click', onClick, true);
    }
    expect(errors).to.equal(0);
    expect(names[0]).to.match(/^ikrar-[0-9a-f]{8}\.pdf$/);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
    const { extractRecord } = await import('@ikrar/core/pdf');
    const embedded = await extractRecord(bytes);
    expect(JSON.stringify(embedded)).to.equal(JSON.stringify(JSON.parse(el.value)));
  });

  it('works in a page with a strict Content-Security-Policy (no inline script, no eval)', async () => {
    await requireBundle();
    const iframe = document.createElement('iframe');
    const result = new Promise<Record<string, unknown>>((resolve) =>
      window.addEventListener('message', function listen(e: MessageEvent) {
        if ((e.data as { source?: string })?.source !== 'ikrar-csp') return;
        window.removeEventListener('message', listen);
        resolve(e.data as Record<string, unknown>);
      }),
    );
    iframe.src = '/test-csp/page.html';
    iframe.style.width = '360px';
    iframe.style.height = '600px';
    document.body.append(iframe);
    try {
      const r = await result;
      expect(r.error).to.equal(undefined);
      expect(r.ok).to.equal(true);
      expect(r.verified).to.equal(true);
      expect(r.step).to.equal('done');
      expect(r.styled).to.equal('solid');
      expect(r.violations).to.deep.equal([]);
      expect(r.requests).to.deep.equal([]);
    } finally {
      iframe.remove();
    }
  });

  for (const [page, expected] of [
    ['index.html', 'browser-key'],
    ['sign-event.html', 'event'],
  ] as const) {
    it(`examples/html/${page} signs from the built bundle (${expected})`, async () => {
      await requireBundle();
      const iframe = document.createElement('iframe');
      iframe.style.width = '400px';
      iframe.style.height = '700px';
      const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
      iframe.src = `/examples/html/${page}`;
      document.body.append(iframe);
      try {
        await loaded;
        const doc = iframe.contentDocument as Document;
        const win = iframe.contentWindow as Window & typeof globalThis;
        await win.customElements.whenDefined('ikrar-netralitas');
        const el = doc.querySelector('ikrar-netralitas') as IkrarNetralitas;
        await el.updateComplete;
        expect(el.resolvedSigningMode).to.equal(expected);
        await toReview(el);
        const e = await sign(el);
        expect(e.type).to.equal('ikrar-signed');
        expect(doc.getElementById('log')?.textContent).to.contain('verified=true');
      } finally {
        iframe.remove();
      }
    });
  }
});

/** The createPledge input that yields a credential like `c`, with another employee name. */
function rebuild(c: import('@ikrar/core').PledgeCredential): Parameters<typeof createPledge>[0] {
  const s = c.credentialSubject;
  return {
    template: s.pledge.templateId,
    issuer: c.issuer,
    signer: { name: 'Orang Lain', employeeType: s.signer.employeeType, identifier: s.signer.identifier },
    event: s.event,
    consent: { acknowledgedPoints: s.consent.acknowledgedPoints, method: 'typed', typedName: 'Orang Lain' },
  };
}
