// Page heights at phone width: with nothing answered, and with the screenshots' answers.
// Usage: node bench/page_height.js <app url>. Used for the closing notes' before/after figures.
const { chromium } = require('playwright-core');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const CASES = [
  ['nothing answered', ''],
  ['eight answers', '?privacy=personal&resources=npu&model_size=medium&connectivity=always&latency=interactive&cost=balanced&scale=large&maintenance=managed'],
];

(async () => {
  const [appUrl] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  for (const width of [390, 1280]) {
    for (const [name, query] of CASES) {
      const context = await browser.newContext({ viewport: { width, height: 844 }, isMobile: width < 600, hasTouch: width < 600 });
      const page = await context.newPage();
      await page.goto(appUrl + query);
      await page.waitForSelector('#questionnaire');
      await page.waitForTimeout(1500);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`${width} px, ${name}: page ${height} px tall`);
      await context.close();
    }
  }
  await browser.close();
})().catch((error) => { console.error(error); process.exit(1); });
