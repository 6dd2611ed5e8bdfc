// The admin page's people list on a phone (390 px), in headless Chromium: it pages by the API's
// keyset cursor (`after=` the previous page's `next`, never `offset=`), "previous" walks back along
// the cursors it has used, and its pages are the API's offset listing cut in pieces. With the
// not-signed filter, someone on page 1 who signs before "next" is pressed skips nobody: page 2
// starts right after page 1's last person (offset paging would skip one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roster as makeRoster } from '../bench/bench-kit.mjs';
import { closePortal, expectNoHorizontalScroll, openPortal, pageErrors, signInStaffPage } from './fixture.mjs';
import { credentialFor, employeeClient, staffClient } from './helpers.mjs';

let app, browser, config, everyone;
let admin;

beforeAll(async () => {
  let roster;
  ({ app, browser, config, roster } = await openPortal({}, { browser: true }));
  admin = await staffClient(app.url);
  // 40 more people than the sample's 40: four pages of 25.
  const extra = makeRoster(40);
  const up = await admin.request('POST', '/api/admin/roster', { body: extra.csv, type: 'text/csv' });
  expect(up.status, await up.text()).toBe(200);
  everyone = [...roster, ...extra.people];
});
afterAll(() => closePortal({ app, browser }));

/** The names of everyone the API lists for `query`, by offset (one page of 100). */
async function listed(query = '') {
  const data = await (await admin.get(`/api/admin/people?limit=100${query}`)).json();
  expect(data.count).toBe(data.people.length);
  return data.people.map((p) => p.name);
}

/** The names the page shows in its people list. */
const shownNames = (page) => page.locator('#people li strong').allTextContents();

/** Presses a pager button of the people list and waits until the page shows `names` and `range`. */
async function turn(page, button, names, range) {
  await page.locator('#people-pager').getByRole('button', { name: button }).click();
  await expect.poll(() => shownNames(page)).toEqual(names);
  await page.locator('#people-pager span', { hasText: range }).waitFor();
}

describe('the people list pages by cursor', () => {
  it('next and previous walk the API order, asking after=, never offset=', async () => {
    const order = await listed();
    expect(order).toHaveLength(80);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = pageErrors(page);
    /** @type {URL[]} */
    const asked = [];
    page.on('request', (r) => r.url().includes('/api/admin/people?') && asked.push(new URL(r.url())));
    await signInStaffPage(page, app.url);
    await expect.poll(() => shownNames(page)).toEqual(order.slice(0, 25));
    const pager = page.locator('#people-pager');
    await pager.locator('span', { hasText: '1–25 dari 80' }).waitFor();
    expect(await pager.getByRole('button', { name: '‹ Sebelumnya' }).isDisabled()).toBe(true);

    await turn(page, 'Berikutnya ›', order.slice(25, 50), '26–50 dari 80');
    await turn(page, 'Berikutnya ›', order.slice(50, 75), '51–75 dari 80');
    await turn(page, 'Berikutnya ›', order.slice(75), '76–80 dari 80');
    expect(await pager.getByRole('button', { name: 'Berikutnya ›' }).isDisabled()).toBe(true);
    await expectNoHorizontalScroll(page, 'last people page');
    await turn(page, '‹ Sebelumnya', order.slice(50, 75), '51–75 dari 80');
    await turn(page, '‹ Sebelumnya', order.slice(25, 50), '26–50 dari 80');
    await turn(page, '‹ Sebelumnya', order.slice(0, 25), '1–25 dari 80');
    expect(await pager.getByRole('button', { name: '‹ Sebelumnya' }).isDisabled()).toBe(true);

    expect(asked.every((u) => !u.searchParams.has('offset'))).toBe(true);
    // The first page (twice: at sign-in and back at the start) without a cursor; the others with one.
    expect(asked.map((u) => u.searchParams.has('after'))).toEqual([false, true, true, true, true, true, false]);
    // Going back to page 2 asks with the very cursor that first read it.
    expect(asked[5]?.searchParams.get('after')).toBe(asked[1]?.searchParams.get('after'));
    await expectNoHorizontalScroll(page, 'people pages');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('not signed: someone on page 1 signing before "next" skips nobody on page 2', async () => {
    const unsigned = await listed('&status=unsigned');
    expect(unsigned.length).toBeGreaterThan(50);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = pageErrors(page);
    await signInStaffPage(page, app.url);
    await page.selectOption('#people-status', 'unsigned');
    await expect.poll(() => shownNames(page)).toEqual(unsigned.slice(0, 25));

    // The 11th person on page 1 signs while the administrator reads it.
    const who = everyone.find((p) => p.name === unsigned[10]);
    const phone = await employeeClient(app.url, who.identifier);
    expect((await phone.post('/api/sign', credentialFor(app, config, who))).status).toBe(201);
    expect(await listed('&status=unsigned')).toEqual(unsigned.filter((n) => n !== who.name));

    await turn(page, 'Berikutnya ›', unsigned.slice(25, 50), `26–50 dari ${unsigned.length - 1}`);
    await expectNoHorizontalScroll(page, 'not-signed people');
    expect(errors).toEqual([]);
    await page.close();
  });
});
