// Browser figures for `cargo xtask bench`: start-up of the built app (median of RUNS cold
// loads), the analyzer in the tract worker, and onnxruntime-web on the same model and input.
// Prints one JSON object. Usage: node bench/browser.js <app url> <ort page url>
const { chromium } = require('playwright-core');

const RUNS = 10;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const TEXT = 'Summarize patient notes on clinic laptops that are often offline';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Records, in page time, when the questionnaire becomes usable and when the model is ready.
function marks() {
  window.__bench = {};
  new MutationObserver(() => {
    const b = window.__bench;
    const radio = document.querySelector('input[name="privacy"]');
    if (!b.interactive && radio && !radio.disabled) b.interactive = performance.now();
    const status = document.querySelector('#inference-status');
    if (!b.ready && status && status.dataset.state === 'ready') b.ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

(async () => {
  const [appUrl, ortUrl] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  const startup = { fcp: [], interactive: [], ready: [], tract_cold: [] };
  let warm = null;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(marks);
    await page.goto(appUrl);
    // The analyzer's worker and model are fetched when its box is first used.
    await page.focus('#describe-text');
    await page.waitForSelector('#inference-status[data-state="ready"]', { timeout: 60_000 });
    const m = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      ...window.__bench,
      fetch: Number(document.querySelector('#inference-status').dataset.fetchMs),
      optimize: Number(document.querySelector('#inference-status').dataset.optimizeMs),
    }));
    startup.fcp.push(m.fcp);
    startup.interactive.push(m.interactive);
    startup.ready.push(m.ready);
    startup.tract_cold.push(m.fetch + m.optimize);
    if (i === RUNS - 1) {
      // The first analysis warms the worker up (allocations, memory growth); the second is timed.
      await page.locator('#describe-text').fill(TEXT);
      await page.locator('#analyze').click();
      const latency = page.locator('#analysis-latency');
      await latency.waitFor();
      // Then five timed analyses of 30 runs each; the medians of their figures are reported.
      const samples = { p50: [], p95: [], mean: [] };
      for (let k = 0; k < 5; k++) {
        const text = TEXT + ' '.repeat(k + 1);
        await page.locator('#describe-text').fill(text);
        await page.locator('#analyze').click();
        await page.waitForFunction((t) => document.querySelector('#analysis')?.dataset.text === t, text);
        for (const key of ['p50', 'p95', 'mean']) samples[key].push(Number(await latency.getAttribute(`data-${key}`)));
      }
      warm = { p50: median(samples.p50), p95: median(samples.p95), mean: median(samples.mean) };
    }
    await context.close();
  }
  // The device benchmark's decoder layer in the tract worker, as "Measure this device" runs it.
  const decoderPage = await browser.newPage();
  await decoderPage.goto(appUrl);
  await decoderPage.locator('#measure-device').click();
  const bench = decoderPage.locator('#device-bench[data-state="done"]');
  await bench.waitFor({ timeout: 120_000 });
  const decoder = {};
  for (const key of ['decode-short-ms', 'decode-long-ms', 'prefill-ms']) {
    decoder[key.replaceAll('-', '_')] = Number(await bench.getAttribute(`data-${key}`));
  }
  await decoderPage.close();
  const page = await browser.newPage();
  await page.goto(ortUrl);
  const ort = await page.evaluate(() => window.benchResult);
  await browser.close();
  console.log(JSON.stringify({
    runs: RUNS,
    fcp_ms: median(startup.fcp),
    interactive_ms: median(startup.interactive),
    inference_ready_ms: median(startup.ready),
    tract_wasm_cold_ms: median(startup.tract_cold),
    tract_wasm_warm_p50_ms: warm.p50,
    tract_wasm_warm_p95_ms: warm.p95,
    tract_wasm_warm_mean_ms: warm.mean,
    decoder_tract_wasm: decoder,
    ort,
  }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
