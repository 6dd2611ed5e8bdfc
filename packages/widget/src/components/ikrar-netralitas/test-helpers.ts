/**
 * Helpers the `<ikrar-netralitas>` browser tests share: mounting the element, driving its steps by
 * property, pointer and keyboard, and axe.
 *
 * @module
 * @internal
 */
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type { IkrarErrorEvent } from '../../events/ikrar-error.js';
import type { IkrarSignedEvent } from '../../events/ikrar-signed.js';
import type { IkrarNetralitas } from './ikrar-netralitas.component.js';

// axe-core is a UMD script: loading it sets window.axe (as chai-a11y-axe does).
export const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
export const NIP = '199001012015032001';
export const AGENCY = 'Pemerintah Kabupaten Klaten';
export const EVENT = 'Pemilu dan Pemilihan 2024';

export const root = (el: IkrarNetralitas): ShadowRoot => el.shadowRoot as ShadowRoot;
export const q = <T extends Element = HTMLElement>(el: IkrarNetralitas, sel: string): T => {
  const found = root(el).querySelector<T>(sel);
  if (!found) throw new Error(`no ${sel} in step ${el.currentStep}`);
  return found;
};
export const heading = (el: IkrarNetralitas): string => q(el, 'h2').textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const deepActive = (el: IkrarNetralitas): Element | null => root(el).activeElement;

export async function mount(attrs = '', lang = ''): Promise<IkrarNetralitas> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div${lang ? ` lang="${lang}"` : ''}><ikrar-netralitas agency="${AGENCY}" event-name="${EVENT}" event-place="Pendopo" event-date="2024-01-08" ${attrs}></ikrar-netralitas></div>`,
  );
  const el = wrapper.querySelector('ikrar-netralitas') as IkrarNetralitas;
  await el.updateComplete;
  return el;
}

export async function next(el: IkrarNetralitas): Promise<void> {
  q(el, 'button.primary').click();
  await el.updateComplete;
}

export async function type(el: IkrarNetralitas, id: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

export async function acknowledgeAll(el: IkrarNetralitas): Promise<void> {
  for (const box of root(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.click();
  await el.updateComplete;
}

export async function fillIdentity(el: IkrarNetralitas): Promise<void> {
  await type(el, 'f-name', 'Sri Wahyuni');
  q(el, 'input[value=PNS]').click();
  await el.updateComplete;
  await type(el, 'f-identifier', NIP);
  await type(el, 'f-position', 'Analis Kebijakan');
  await type(el, 'f-workUnit', 'Dinas Kominfo');
}

/** Drives the element to the review step with a typed signature. */
export async function toReview(el: IkrarNetralitas): Promise<void> {
  await acknowledgeAll(el);
  await next(el);
  await fillIdentity(el);
  await next(el);
  const typed = root(el).querySelector<HTMLButtonElement>('button[data-type=typed]');
  if (typed) {
    typed.click();
    await el.updateComplete;
  }
  await type(el, 'f-typed', 'Sri Wahyuni');
  await next(el);
  expect(el.currentStep).to.equal('review');
}

export async function sign(el: IkrarNetralitas): Promise<IkrarSignedEvent | IkrarErrorEvent> {
  const done = Promise.race([oneEvent(el, 'ikrar-signed'), oneEvent(el, 'ikrar-error')]);
  q(el, 'button.primary').click();
  return (await done) as IkrarSignedEvent | IkrarErrorEvent;
}

export async function agencyDid(): Promise<string> {
  return ((await (await fetch('/test-endpoint/agency')).json()) as { id: string }).id;
}

export async function axeViolations(el: IkrarNetralitas): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const BUNDLE = '/packages/widget/dist/browser/ikrar-netralitas.js';

/** The CSP, example and second-copy tests load the built bundle: fail fast with a clear message. */
export async function requireBundle(): Promise<void> {
  const r = await fetch(BUNDLE, { method: 'HEAD' });
  if (!r.ok) throw new Error(`${BUNDLE} is missing (HTTP ${r.status}): run pnpm build first`);
}

/** Presses Tab until the focused element in the shadow root matches, like a keyboard user would. */
export async function tabTo(el: IkrarNetralitas, selector: string, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (deepActive(el)?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
  }
  throw new Error(`Tab never reached ${selector}; at ${deepActive(el)?.outerHTML.slice(0, 80)}`);
}

/** Waits for signature_pad (loaded on demand) to attach: the canvas says when it is ready. */
export async function readyCanvas(el: IkrarNetralitas): Promise<HTMLCanvasElement> {
  for (let i = 0; i < 100 && !root(el).querySelector('canvas[data-ready]'); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return q<HTMLCanvasElement>(el, 'canvas[data-ready]');
}

/** Draws one stroke with pen pointer events through `points` (CSS px in the canvas). */
export async function drawOn(
  el: IkrarNetralitas,
  canvas: HTMLCanvasElement,
  points: [number, number][],
): Promise<void> {
  const rect = canvas.getBoundingClientRect();
  const at = ([x, y]: [number, number]): PointerEventInit => ({
    clientX: rect.left + x,
    clientY: rect.top + y,
    pointerId: 1,
    pointerType: 'pen',
    isPrimary: true,
    bubbles: true,
    pressure: 0.5,
  });
  canvas.dispatchEvent(new PointerEvent('pointerdown', { ...at(points[0]!), buttons: 1 }));
  for (const p of points.slice(1)) {
    window.dispatchEvent(new PointerEvent('pointermove', { ...at(p), buttons: 1 }));
  }
  window.dispatchEvent(new PointerEvent('pointerup', { ...at(points[points.length - 1]!), buttons: 0 }));
  await el.updateComplete;
}
