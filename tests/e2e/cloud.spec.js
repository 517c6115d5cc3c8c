// The cloud contrast against the local OpenAI-compatible test server (MOCK_CLOUD_URL, started by
// `cargo xtask test`): the comparison, every failure, key hygiene and offline. No test leaves
// this machine.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');

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
  await expect(rows).toHaveCount(9);
  await expect(page.locator('#cloud-agreement tr[data-factor="privacy"]')).toHaveAttribute('data-agrees', 'true');
  await expect(page.locator('#cloud-agreement tr[data-factor="privacy"] td').nth(1)).toContainText('Regulated');
  await expect(page.locator('#cloud-local-latency')).toContainText(/\d+\.\d\d ms \(p50 of 30 runs\)/);
  await expect(page.locator('#cloud-latency')).toContainText(/first token \d+ ms, total \d+ ms/);
  await expect(page.locator('#cloud-speed')).toContainText(/\d+ tokens\/s/);
  await expect(page.locator('#cloud-tokens')).toHaveText('182 in, 44 out');
  // 182 × $0.15 + 44 × $0.60 per million = $0.0000537 a call; × 1000 users × 20 a day × 30 days.
  await expect(page.locator('#cloud-cost')).toContainText('$0.000054 a call; $32.22 a month');
  await expect(page.locator('#cloud-bytes')).toContainText(new RegExp(`on this device: 0 bytes; cloud: \\d+ bytes to ${ORIGIN}`));
  await expect(page.locator('#cloud-offline')).toHaveText('on this device: yes; cloud: no');
  // The measured cloud latency is a fact for the latency factor.
  await expect(page.locator('#measured-facts')).toContainText(/the cloud call \d+ ms against a 100 ms budget/);
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
  await expect(page.locator('#cloud-models')).toHaveText('The server has: mock-model.');
});

const failures = [
  ['a refused key (401)', { key: 'sk-wrong' }, /key was refused \(HTTP 401\)/],
  ['a forbidden model (403)', { model: 'forbidden' }, /HTTP 403/],
  ['an unknown model (404)', { model: 'gpt-9' }, /No model or deployment named 'gpt-9'/],
  ['a rate limit that lasts (429)', { model: 'rate-limited' }, /Rate limited \(HTTP 429\) after 3 attempts \(the server asked for 1 s between attempts\)/],
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

test('a rate limit or an outage that passes is retried, honouring Retry-After', async ({ page }) => {
  for (const model of ['rate-limited-once', 'unavailable-once']) {
    await setUp(page, { model });
    await run(page);
    await expect(status(page)).toHaveAttribute('data-state', 'done');
    await expect(page.locator('#cloud-latency')).toContainText('after 2 attempts');
  }
});

test('a slow call can be cancelled', async ({ page }) => {
  await setUp(page, { model: 'slow', query: '&privacy=regulated' });
  await run(page);
  await expect(status(page)).toHaveAttribute('data-state', 'running');
  await page.locator('#cloud-cancel').click();
  await expect(status(page)).toHaveText('Cancelled.');
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
