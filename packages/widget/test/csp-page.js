// Runs inside /test-csp/page.html (strict CSP, no inline script): loads the built bundle, signs
// with the keyboard path in browser-key mode, and reports to the parent test page.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));

const report = (data) => parent.postMessage({ source: 'ikrar-csp', ...data }, '*');

try {
  await import('/packages/widget/dist/browser/ikrar-netralitas.js');
  const core = await import('/packages/widget/dist/browser/ikrar-core.js');
  const el = document.querySelector('ikrar-netralitas');
  await el.updateComplete;
  const root = el.shadowRoot;
  const click = (sel) => root.querySelector(sel).click();
  const next = async () => {
    click('button.primary');
    await el.updateComplete;
  };
  for (const box of root.querySelectorAll('input[type=checkbox]')) box.click();
  await el.updateComplete;
  await next();
  const set = (id, v) => {
    const input = root.getElementById(id);
    input.value = v;
    input.dispatchEvent(new Event('input'));
  };
  set('f-name', 'Sri Wahyuni');
  root.querySelector('input[value=PNS]').click();
  await el.updateComplete;
  set('f-identifier', '199001012015032001');
  await el.updateComplete;
  await next();
  set('f-typed', 'Sri Wahyuni');
  await el.updateComplete;
  await next();
  const signed = new Promise((resolve) =>
    el.addEventListener('ikrar-signed', (e) => resolve(e.detail), { once: true }),
  );
  click('button.primary');
  const detail = await signed;
  const check = await core.verifyPledge(detail.record, { requireIssuerProof: true });
  const styled = getComputedStyle(root.querySelector('.base')).borderTopStyle;
  await new Promise((r) => setTimeout(r, 50));
  // No request but the bundle's own files: no fetch/XHR (browser-key mode has no endpoint), nothing cross-origin.
  const requests = performance
    .getEntriesByType('resource')
    .filter(
      (r) => r.initiatorType === 'fetch' || r.initiatorType === 'xmlhttprequest' || !r.name.startsWith(location.origin),
    )
    .map((r) => `${r.initiatorType} ${r.name}`);
  report({
    ok: true,
    requests,
    verified: check.verified,
    step: el.currentStep,
    styled,
    violations,
    adopted: root.adoptedStyleSheets.length,
  });
} catch (e) {
  report({ ok: false, error: String(e && e.stack ? e.stack : e), violations });
}
