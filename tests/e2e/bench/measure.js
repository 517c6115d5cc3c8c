// One "Measure this device" run in headless Chromium, for `cargo xtask cpu-quota`: prints the
// decoder layer's timings, Llama 3.2 1B's extrapolated tokens/s and every 4-bit row of the fit
// table (for README's table) as one JSON object.
// Usage: node bench/measure.js <app url>
const { chromium } = require('playwright-core');

(async () => {
  const [appUrl] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.goto(appUrl);
  await page.locator('#measure-device').click();
  const bench = page.locator('#device-bench[data-state="done"]');
  await bench.waitFor({ timeout: 600_000 });
  const row = page.locator('#fit-table tr[data-model="Llama 3.2 1B"][data-precision="4-bit"]');
  const result = { tokens_per_s: Number(await row.getAttribute('data-tokens-per-s')) };
  for (const key of ['decode-short-ms', 'decode-long-ms', 'prefill-ms']) {
    result[key.replaceAll('-', '_')] = Number(await bench.getAttribute(`data-${key}`));
  }
  result.rows = await page.locator('#fit-table tr[data-precision="4-bit"]').evaluateAll((rows) =>
    rows.map((r) => ({
      model: r.dataset.model,
      verdict: r.dataset.verdict,
      tokens_per_s: Number(r.dataset.tokensPerS),
      request_s: Number(r.dataset.requestS),
      source: r.dataset.speedSource,
    })));
  result.cores = await page.evaluate(() => navigator.hardwareConcurrency);
  result.memory_gb = await page.evaluate(() => navigator.deviceMemory ?? null);
  await browser.close();
  console.log(JSON.stringify(result));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
