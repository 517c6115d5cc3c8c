// Screenshots of the real build for README.md: desktop and phone, light and dark.
// Run by `cargo xtask screenshots`. Usage: node bench/screenshots.js <app url> <output dir>
const path = require('path');
const { chromium } = require('playwright-core');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
// A feature worth showing: a hybrid with its architecture and what would change it.
const QUERY = '?privacy=personal&resources=npu&model_size=medium&tooling=mobile&request_mix=long_tail'
  + '&connectivity=always&latency=interactive&cost=balanced&describe='
  + encodeURIComponent('Summarize a user\'s own notes on their phone; hard questions may need a bigger model');
const SHOTS = [
  { name: 'desktop-light', width: 1280, height: 900, scheme: 'light', mobile: false },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark', mobile: false },
  { name: 'phone-light', width: 390, height: 844, scheme: 'light', mobile: true },
  { name: 'phone-dark', width: 390, height: 844, scheme: 'dark', mobile: true },
];

(async () => {
  const [appUrl, outDir] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: 1,
      isMobile: shot.mobile,
      hasTouch: shot.mobile,
      colorScheme: shot.scheme,
    });
    const page = await context.newPage();
    await page.goto(appUrl + QUERY);
    await page.waitForSelector('#inference-status[data-state="ready"], #inference-status[data-state="failed"], #inference-status[data-state="idle"]', { timeout: 60_000 });
    await page.waitForSelector('#result[data-verdict="hybrid"]');
    // The first screen as a visitor sees it: on a phone the description and the first questions with
    // the verdict bar at the bottom, on a desktop the questions with the verdict beside them.
    await page.screenshot({ path: path.join(outDir, `${shot.name}.png`) });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`${shot.name}: ${shot.width} px wide, page ${height} px tall`);
    await context.close();
  }
  await browser.close();
})().catch((error) => { console.error(error); process.exit(1); });
