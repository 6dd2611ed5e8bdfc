// Where our tests find Chromium and the flags it needs here: root (no sandbox), a closed network
// (no background connections), and headless. One list for web-test-runner and Playwright tests.
export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** CHROME_PATH, else Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
