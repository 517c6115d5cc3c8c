// The cloud contrast against the local OpenAI-compatible test server (MOCK_CLOUD_URL, started by
// `cargo xtask test`), which replays each provider's documented streams and errors: the
// comparison, every failure, reasoning preambles, key hygiene, offline, and a dead analyzer.
// No test leaves this machine.
const { test, expect } = require('@playwright/test');
const { breakWorkers } = require('./page_watch');
const fs = require('node:fs');
// One agreement row per head of the local analyzer.
const HEADS = require('../../models/analyzer.labels.json').heads.length;

const MOCK = process.env.MOCK_CLOUD_URL; // http://127.0.0.1:PORT/v1
const ORIGIN = new URL(MOCK).origin;
const TEXT = 'Summarize patient notes on clinic laptops that are often offline';
const status = (page) => page.locator('#cloud-status');

// Opens the advisor with a description (analyzed locally on load) and fills the cloud form.
async function setUp(page, { provider = 'custom', base = MOCK, model = 'mock-model', key = 'sk-test', timeout, query = '' } = {}) {
  await page.goto(`./?describe=${encodeURIComponent(TEXT)}${query}`);
  await expect(page.locator('#analysis')).toBeVisible({ timeout: 60_000 });
  await page.locator('#cloud-provider').selectOption(provider);
  await page.locator('#cloud-base').fill(base);
  await page.locator('#cloud-model').fill(model);
  await page.locator('#cloud-key').fill(key);
  if (timeout) await page.locator('#cloud-timeout').fill(String(timeout));
}

async function run(page) {
  await page.locator('#cloud-run').click();
}

// Failures leave the visitor's text, answers and local result in place.
async function expectNothingLost(page) {
  await expect(page.locator('#describe-text')).toHaveValue(TEXT);
  await expect(page.locator('#analysis')).toBeVisible();
  await expect(page.locator('input[name="privacy"][value="regulated"]')).toBeChecked();
  await expect(page.locator('#cloud-run')).toBeEnabled();
}

test('the same text in the cloud, side by side with the device: labels, latency, tokens, cost, bytes', async ({ page }) => {
  await setUp(page, { model: 'gpt-4o-mini', query: '&latency=realtime' });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  const rows = page.locator('#cloud-agreement tbody tr');
  await expect(rows).toHaveCount(HEADS);
  await expect(page.locator('#cloud-agreement tr[data-factor="privacy"]')).toHaveAttribute('data-agrees', 'true');
  await expect(page.locator('#cloud-agreement tr[data-factor="privacy"] td').nth(1)).toContainText('Regulated');
  await expect(page.locator('#cloud-local-latency')).toContainText(/\d+\.\d\d ms \(p50 of 30 runs\)/);
  await expect(page.locator('#cloud-latency')).toContainText(/first token \d+ ms, first answer token \d+ ms, total \d+ ms/);
  await expect(page.locator('#cloud-preamble')).toHaveCount(0);
  await expect(page.locator('#cloud-speed')).toContainText(/\d+ tokens\/s/);
  await expect(page.locator('#cloud-tokens')).toHaveText('182 in, 44 out');
  // 182 × $0.15 + 44 × $0.60 per million = $0.0000537 a call; × 1000 users × 20 a day × 30 days.
  await expect(page.locator('#cloud-cost')).toContainText('$0.000054 a call; $32.22 a month');
  await expect(page.locator('#cloud-bytes')).toContainText(new RegExp(`on this device: 0 bytes; cloud: \\d+ bytes to ${ORIGIN}`));
  await expect(page.locator('#cloud-offline')).toHaveText('on this device: yes; cloud: no');
  // The cloud's time alone is not weighed: the local side is the feature's own model, which
  // only "Measure this device" can estimate.
  await expect(page.locator('#measured-facts')).toHaveCount(0);
});

test('the verdict weighs the feature\'s local time, extrapolated from this device, against the cloud call', async ({ page }) => {
  test.setTimeout(150_000);
  await setUp(page, { query: '&latency=interactive&model_size=small&device=this' });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#measured-facts')).not.toContainText('would take');
  await page.locator('#measure-device').click();
  await expect(page.locator('#device-bench')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const facts = page.locator('#measured-facts');
  await expect(facts).toContainText(
    /Measured: Llama 3\.2 1B at 4 bits would take [\d.]+ m?s for the request \(500 tokens in, 200 out\) in a Browser, CPU \(WebAssembly\) runtime with 1 thread\(s\), extrapolated from the kernels measured on this device; the cloud call took \d+ ms\. Against the 1000 ms budget (both meet it|neither meets it|only the device meets it|only the cloud meets it)\./,
  );
  await expect(page.locator('#reasons li[data-factor="latency"]')).toContainText('would take');
  // The time follows the request: a longer answer takes longer on the device.
  const before = await facts.textContent();
  await page.locator('#cost-output_tokens').fill('800');
  await page.locator('#cost-output_tokens').blur();
  await expect(facts).toContainText('(500 tokens in, 800 out)');
  const seconds = (text) => {
    const [, n, unit] = text.match(/would take ([\d.]+) (m?s)/);
    return Number(n) / (unit === 'ms' ? 1000 : 1);
  };
  expect(seconds(await facts.textContent())).toBeGreaterThan(seconds(before));
});

test('a Windows feature\'s local time is a native app\'s, on every core, and says so', async ({ page }) => {
  test.setTimeout(150_000);
  await setUp(page, { query: '&latency=interactive&model_size=small&device=this&tooling=windows' });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await page.locator('#measure-device').click();
  await expect(page.locator('#device-bench')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.locator('#measured-facts')).toContainText(
    `in a Native app, CPU runtime with ${cores} thread(s), extrapolated from the kernels measured on this device`,
  );
});

test('Azure OpenAI deployment URLs and local servers\' model lists work against the test server', async ({ page }) => {
  await setUp(page, { provider: 'azure-openai', base: ORIGIN, model: 'mock-model' });
  await expect(page.locator('#cloud-api-version')).toHaveValue('2024-10-21');
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await page.locator('#cloud-provider').selectOption('foundry-local');
  await expect(page.locator('#cloud-base')).toHaveValue('http://127.0.0.1:PORT/v1');
  await page.locator('#cloud-base').fill(MOCK);
  await page.locator('#cloud-find-models').click();
  await expect(page.locator('#cloud-models')).toHaveText('The server has: mock-model, gpt-5-nano (shuts down 2026-12-11).');
});

const failures = [
  ['a refused key (401)', { key: 'sk-wrong' }, /key was refused \(HTTP 401\)/],
  ['a forbidden model (403)', { model: 'forbidden' }, /HTTP 403/],
  ['an unknown model on OpenAI (404 model_not_found)', { model: 'gpt-9' }, /The server does not know the model 'gpt-9', or this key may not use it \(HTTP 404, model_not_found\)/],
  ['an unknown Azure deployment (404 DeploymentNotFound)', { provider: 'azure-openai', base: ORIGIN, model: 'no-such-deployment' }, /This Azure resource has no deployment named 'no-such-deployment'/],
  ['a model Ollama has not pulled (404)', { model: 'ollama-missing' }, /does not know the model 'ollama-missing'.*List the server's models/],
  ['a rate limit that lasts (429)', { model: 'rate-limited' }, /Rate limited \(HTTP 429\) after 3 attempts \(the server asked for 1 s between attempts\)/],
  ['an Azure rate limit that lasts, with retry-after-ms only (429)', { model: 'azure-rate-limited' }, /Rate limited \(HTTP 429\) after 3 attempts \(the server asked for 200 ms between attempts\)/],
  ['an account out of credit (429 insufficient_quota)', { model: 'insufficient-quota' }, /out of credit or over its spending limit \(HTTP 429, insufficient_quota\), so the call was not retried.*billing/],
  ['a description longer than the context (400 context_length_exceeded)', { model: 'context-too-long' }, /longer than this model's context window/],
  ['a prompt the content filter refuses (400 content_filter)', { model: 'filtered-prompt' }, /content filter refused the request \(HTTP 400, content_filter\)/],
  ['an answer the content filter stops (finish_reason content_filter)', { model: 'filtered-answer' }, /content filter stopped the answer \(finish_reason content_filter\)/],
  ['an answer cut by the token limit (finish_reason length)', { model: 'length' }, /cut off at the token limit \(finish_reason length\)/],
  ['server errors that last (500)', { model: 'server-error' }, /The server failed \(HTTP 500\) 3 times/],
  ['a timeout', { model: 'slow', timeout: 1 }, /No complete answer within 1 s/],
  ['a provider that refuses browsers (CORS)', { base: `${ORIGIN}/no-cors/v1` }, /does not allow calls from a web page \(CORS\)/],
  ['a server that is not there', { base: 'http://127.0.0.1:9/v1' }, /Could not reach http:\/\/127\.0\.0\.1:9/],
  ['malformed JSON', { model: 'bad-json' }, /not the JSON that was asked for/],
  ['a stream cut midway', { model: 'cut' }, /stream stopped before the answer was complete/],
  ['plain http to a remote host', { base: 'http://example.org/v1' }, /plain http is allowed only for servers on this machine/],
];
for (const [name, settings, message] of failures) {
  test(`${name} gets its own message and loses nothing`, async ({ page }) => {
    await setUp(page, { ...settings, query: '&privacy=regulated' });
    await run(page);
    await expect(status(page)).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
    await expect(status(page)).toHaveText(message);
    await expect(status(page)).not.toContainText('sk-');
    await expectNothingLost(page);
  });
}

test('an account out of credit is asked once, never retried', async ({ page }) => {
  await setUp(page, { model: 'insufficient-quota' });
  let calls = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/chat/completions')) calls += 1;
  });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'failed');
  await expect(status(page)).toContainText('insufficient_quota');
  expect(calls).toBe(1);
});

test('each provider\'s documented stream gives the same labels, with or without usage', async ({ page }) => {
  for (const [provider, base, model, tokens] of [
    ['azure-openai-v1', `${ORIGIN}/openai/v1`, 'mock-model', '182 in, 44 out'],
    ['ollama', MOCK, 'ollama', 'the server did not report usage'],
    ['lm-studio', MOCK, 'lm-studio', 'the server did not report usage'],
  ]) {
    await setUp(page, { provider, base, model });
    await run(page);
    await expect(status(page)).toHaveAttribute('data-state', 'done');
    await expect(page.locator('#cloud-agreement tr[data-factor="privacy"] td').nth(1)).toContainText('Regulated');
    await expect(page.locator('#cloud-tokens')).toHaveText(tokens);
  }
});

test('a reasoning preamble, inline or apart, is ignored for the labels and timed apart', async ({ page }) => {
  for (const model of ['reasoning-think', 'reasoning-content', 'reasoning-ollama']) {
    await setUp(page, { model });
    await run(page);
    await expect(status(page)).toHaveAttribute('data-state', 'done');
    // The preamble holds braces and a label of its own; only the answer after it is read.
    await expect(page.locator('#cloud-agreement tr[data-factor="privacy"]')).toHaveAttribute('data-agrees', 'true');
    await expect(page.locator('#cloud-agreement tr[data-factor="connectivity"] td').nth(1)).toHaveText('Must work with no network');
    await expect(page.locator('#cloud-latency')).toContainText(/first token \d+ ms, first answer token \d+ ms, total/);
    await expect(page.locator('#cloud-preamble')).toContainText(/\d+ characters of reasoning before the answer, ignored for the labels/);
  }
});

test('a rate limit or an outage that passes is retried, honouring Retry-After', async ({ page }) => {
  for (const model of ['rate-limited-once', 'azure-rate-limited-once', 'unavailable-once']) {
    await setUp(page, { model });
    await run(page);
    await expect(status(page)).toHaveAttribute('data-state', 'done');
    await expect(page.locator('#cloud-latency')).toContainText('after 2 attempts');
  }
});


test('an analyzer worker that never starts: the analyzer says so, and the cloud comparison still works', async ({ page }) => {
  await breakWorkers(page, /(^|[^_])worker_loader\.js/);
  await page.goto(`./?describe=${encodeURIComponent(TEXT)}&privacy=regulated`);
  await page.locator('#cloud-provider').selectOption('custom');
  await page.locator('#cloud-base').fill(MOCK);
  await page.locator('#cloud-model').fill('mock-model');
  await page.locator('#cloud-key').fill('sk-test');
  const analyzer = page.locator('#inference-status');
  await expect(analyzer).toHaveAttribute('data-state', 'starting');
  // Pressed before the worker could be ready: the request waits for the model, not "Analyzing…".
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#cloud-local-latency')).toHaveText('run the on-device analysis to compare');
  await expect(analyzer).not.toHaveAttribute('data-state', 'analyzing');
  await expect(analyzer).toHaveAttribute('data-state', 'failed', { timeout: 40_000 });
  await expect(analyzer).toContainText('did not start within 20 s');
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#cloud-comparison')).toBeVisible();
  await expect(page.locator('#describe-text')).toHaveValue(TEXT);
  await expect(page.locator('input[name="privacy"][value="regulated"]')).toBeChecked();
});

test('a cloud worker that never starts: the panel says so after the timeout, and the local side still works', async ({ page }) => {
  await breakWorkers(page, /cloud_worker_loader\.js/);
  await setUp(page, { timeout: 1, query: '&privacy=regulated' });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'running');
  // The call's own timeout (1 s) and the worker's grace (10 s) pass without an answer.
  await expect(status(page)).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  await expect(status(page)).toContainText('background worker did not answer');
  await expect(page.locator('#inference-status')).not.toHaveAttribute('data-state', 'failed');
  await expectNothingLost(page);
});

test('a model list that never comes fails alone: the call running beside it goes on', async ({ page }) => {
  // The page's clock jumps past the list's 20 s watchdog; the call's own watchdog (its 60 s
  // timeout and 10 s of grace) is far off. The worker and its requests run on real time.
  await page.clock.install();
  await setUp(page, { base: `${ORIGIN}/slow-models/v1`, model: 'slow', timeout: 60, query: '&privacy=regulated' });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'running');
  await page.locator('#cloud-find-models').click();
  await page.locator('#cloud-find-models').click();
  await page.clock.fastForward(21_000);
  await expect(page.locator('#cloud-models')).toContainText('did not answer');
  await expect(status(page)).toHaveAttribute('data-state', 'running');
  await expect(status(page)).not.toContainText('did not answer');
  await expect(page.locator('#describe-text')).toHaveValue(TEXT);
});

test('the cloud call\'s code is fetched only when the visitor first asks for it', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    if (/cloud_worker/.test(request.url())) fetched.push(request.url());
  });
  await setUp(page, { query: '&privacy=regulated' });
  expect(fetched).toEqual([]);
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  expect(fetched.some((url) => url.endsWith('cloud_worker.js'))).toBe(true);
});

test('a slow call can be cancelled', async ({ page }) => {
  await setUp(page, { model: 'slow', query: '&privacy=regulated' });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'running');
  await page.locator('#cloud-cancel').click();
  await expect(status(page)).toHaveText('Cancelled.');
  await expectNothingLost(page);
});

test('cancel during a retry wait takes effect at once, not when the wait ends', async ({ page }) => {
  // The server answers 429 asking for 15 s before the next attempt; the worker waits that long
  // unless the visitor cancels, which must end the wait (it used to finish it first).
  await setUp(page, { model: 'rate-limited-long', query: '&privacy=regulated' });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'running');
  await page.waitForTimeout(1500);
  await page.locator('#cloud-cancel').click();
  await expect(status(page)).toHaveText('Cancelled.', { timeout: 5000 });
  await expectNothingLost(page);
});

test('offline, the cloud panel says so instead of failing', async ({ page, context }) => {
  await setUp(page);
  await context.setOffline(true);
  await expect(status(page)).toHaveAttribute('data-state', 'offline');
  await expect(status(page)).toContainText('This device is offline');
  await expect(page.locator('#cloud-run')).toBeDisabled();
  await expect(page.locator('#analysis')).toBeVisible();
  await context.setOffline(false);
  await expect(page.locator('#cloud-run')).toBeEnabled();
});

test('the key stays out of the address, storage and reports unless the visitor asks to remember it', async ({ page }) => {
  const secret = 'sk-test';
  await setUp(page, { key: secret });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  expect(page.url()).not.toContain(secret);
  expect(await stored()).not.toContain(secret);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#report-download').click()]);
  expect(fs.readFileSync(await download.path(), 'utf8')).not.toContain(secret);

  // Remembered: in storage and back after a reload; forgotten: gone from both.
  await page.locator('#cloud-remember').check();
  await expect.poll(stored).toContain(secret);
  await page.reload();
  await expect(page.locator('#cloud-key')).toHaveValue(secret);
  await page.locator('#cloud-forget').click();
  await expect(page.locator('#cloud-key')).toHaveValue('');
  await expect.poll(stored).not.toContain(secret);
  await page.reload();
  await expect(page.locator('#cloud-key')).toHaveValue('');
  await expect(page.locator('#cloud-base')).toHaveValue(MOCK);
});

test('a key the browser refuses to remember is said, not silently dropped', async ({ page }) => {
  // Storage that refuses the key, as a full quota or a private window's storage does.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name, value) {
      if (name === 'local-or-cloud:cloud-key') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, name, value);
    };
  });
  await setUp(page, { key: 'sk-test' });
  await page.locator('#cloud-remember').check();
  await expect(page.locator('#notices')).toContainText('refused to save the cloud settings and the key');
  await expect(page.locator('#cloud-key')).toHaveValue('sk-test');
});

test('on a phone the cloud form is rendered once its fold opens, and keeps what was typed when it closes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  await expect(page.locator('#fold-cloud')).not.toHaveAttribute('open', /.*/);
  await expect(page.locator('#cloud-base')).toHaveCount(0);
  await page.locator('#fold-cloud > summary').click();
  await page.locator('#cloud-base').fill(MOCK);
  await page.locator('#cloud-model').fill('mock-model');
  await page.locator('#fold-cloud > summary').click();
  await expect(page.locator('#fold-cloud')).not.toHaveAttribute('open', /.*/);
  await page.locator('#fold-cloud > summary').click();
  await expect(page.locator('#cloud-base')).toHaveValue(MOCK);
  await expect(page.locator('#cloud-model')).toHaveValue('mock-model');
});

test('the cloud form starts on the cost panel\'s default model, so both sides price the same one', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  const costModel = await page.locator('#cost-model').inputValue();
  expect(costModel).toBe(JSON.parse(require('fs').readFileSync(require('path').join(__dirname, '../../static/data/prices.json'), 'utf8')).default_model);
  await expect(page.locator('#cloud-model')).toHaveValue(costModel);
});
