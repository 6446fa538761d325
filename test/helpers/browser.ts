import { type Browser, type BrowserServer, chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium-launch.mjs';

/** Set by the test run's global setup: the one Chromium every browser test file connects to. */
export const SHARED_CHROMIUM_VARIABLE = 'CHATPOINT_TEST_CHROMIUM_WS';

/**
 * Chromium for a test file. Within a test run this connects to the run's shared Chromium (a
 * start costs seconds on a busy machine); `close()` then ends only this file's connection and
 * its contexts. Outside a run, or when the shared one is gone, it starts its own.
 */
export async function launchChromium(): Promise<Browser> {
  const endpoint = process.env[SHARED_CHROMIUM_VARIABLE];
  if (endpoint) {
    try {
      return await chromium.connect(endpoint);
    } catch {}
  }
  return chromium.launch(chromiumLaunchOptions);
}

/** The run's shared Chromium, for the global setup. */
export function launchSharedChromium(): Promise<BrowserServer> {
  return chromium.launchServer(chromiumLaunchOptions);
}
