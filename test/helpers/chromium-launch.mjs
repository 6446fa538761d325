// Debian's Chromium, headless, as root; never a downloaded browser. Shared by the widget's
// test runner (web-test-runner.config.mjs) and the vitest browser tests (browser.ts).
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
