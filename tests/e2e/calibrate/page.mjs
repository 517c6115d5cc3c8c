// The page's own speed estimates, for `cargo xtask calibrate`: "Measure this device" in headless
// Chromium against the release build, then the fit table's 4-bit rows of the calibrated models
// for every runtime class the page offers. Prints one JSON object.
// Usage: node page.mjs <app url> <as-is | one-thread> <model name>...
// With one-thread, navigator.hardwareConcurrency reports 1 in the page and in its workers (an
// init script for the page, a line put before every script the page fetches for the workers,
// whose global scope an init script does not reach), so the page's native estimate is for one
// thread, as llama.cpp's one-thread run is.
import { chromium } from 'playwright-core';

const [appUrl, mode, ...models] = process.argv.slice(2);
const oneThread = mode === 'one-thread';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const ONE_CORE = `(() => {
  const scope = typeof WorkerNavigator !== 'undefined' && self instanceof WorkerGlobalScope ? WorkerNavigator : Navigator;
  Object.defineProperty(scope.prototype, 'hardwareConcurrency', { get: () => 1, configurable: true });
})();\n`;
// The row attributes read, by their names in the JSON.
const ATTRS = {
  tokens_per_s: 'data-tokens-per-s',
  prefill_tokens_per_s: 'data-prefill-tokens-per-s',
  threads: 'data-threads',
  speed_source: 'data-speed-source',
  verdict: 'data-verdict',
};
const log = (text) => process.stderr.write(`${text}\n`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
// No service worker: it would serve the workers' scripts from its cache, past the route below.
const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
if (oneThread) {
  await context.addInitScript(ONE_CORE);
  await context.route(/\.js(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: ONE_CORE + body });
  });
}
const page = await context.newPage();
const workerCores = [];
page.on('worker', async (worker) => {
  try {
    workerCores.push(await worker.evaluate(() => navigator.hardwareConcurrency));
  } catch {
    // A worker that ended before it answered.
  }
});
// The prompt is 512 tokens and the answer 2, so the decode figure is at about 512 cached tokens.
await page.goto(`${appUrl}?input_tokens=512&output_tokens=2`);
const pageCores = await page.evaluate(() => navigator.hardwareConcurrency);
const started = Date.now();
await page.locator('#measure-device').click();
const bench = page.locator('#device-bench[data-state="done"]');
await bench.waitFor({ timeout: 900_000 });
log(`page (${mode}): "Measure this device" done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const benchAttrs = await page.locator('#device-bench').evaluate((el) => Object.fromEntries(
  [...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name.slice(5), a.value])));

await page.locator('#fit-weights').selectOption('4-bit');
const runtimes = await page.locator('#fit-runtime option').evaluateAll((options) => options.map((o) => o.value));
const rows = [];
for (const runtime of runtimes) {
  await page.locator('#fit-runtime').selectOption(runtime);
  await page.locator('#fit-weights').selectOption('4-bit');
  for (const model of models) {
    const row = page.locator(`#fit-table tr[data-model="${model}"][data-runtime="${runtime}"][data-precision="4-bit"]`);
    const entry = { model, runtime };
    try {
      await row.waitFor({ timeout: 60_000 });
      // The report worker rewrites the table after each change: read until two reads half a
      // second apart agree (at most ten seconds).
      let last = null;
      for (let i = 0; i < 20; i++) {
        const read = await row.evaluate((el, attrs) => Object.fromEntries(
          Object.entries(attrs).map(([key, attr]) => [key, el.getAttribute(attr)])), ATTRS);
        if (JSON.stringify(read) === JSON.stringify(last)) break;
        last = read;
        await page.waitForTimeout(500);
      }
      Object.assign(entry, last);
    } catch (error) {
      entry.error = String(error.message || error).split('\n')[0];
    }
    rows.push(entry);
  }
}
await browser.close();
console.log(JSON.stringify({
  mode,
  page_cores: pageCores,
  worker_cores: [...new Set(workerCores)],
  bench: benchAttrs,
  runtimes,
  rows,
}));
