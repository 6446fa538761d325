import { type Browser, chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium-launch.mjs';

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}
