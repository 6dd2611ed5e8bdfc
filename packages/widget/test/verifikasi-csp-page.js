// Runs inside /test-csp/verifikasi.html (CSP connect-src 'none', no inline script): loads the built
// <ikrar-verifikasi> bundle, takes the files the parent test page posts (File objects), verifies
// them with the network cut, and reports the summary and any CSP violation to the parent.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
const report = (data) => parent.postMessage({ source: 'ikrar-verifikasi-csp', ...data }, '*');

try {
  await import('/packages/widget/dist/browser/ikrar-verifikasi.js');
  const el = document.querySelector('ikrar-verifikasi');
  await el.updateComplete;
  // The network really is cut: a fetch from this page must fail.
  let fetched = true;
  try {
    await fetch('/__ikrar-verifikasi/expected');
  } catch {
    fetched = false;
  }
  window.addEventListener('message', async (e) => {
    if (e.data?.source !== 'ikrar-verifikasi-parent') return;
    try {
      await el.addFiles(e.data.files);
      const detail = await el.verify();
      report({
        ok: Boolean(detail),
        detail,
        fetched,
        violations,
        error: el.shadowRoot.querySelector('[role=alert]')?.textContent,
      });
    } catch (err) {
      report({ ok: false, error: String(err), violations });
    }
  });
  report({ ready: true });
} catch (err) {
  report({ ok: false, error: String(err), violations });
}
