// Cloud prices from the price file (static/data/prices.json): the current default, dates and
// sources, retirements, staleness by the page's clock, and a file that is missing or broken.
const { test, expect } = require('@playwright/test');

const onDay = async (page, day) => page.clock.setFixedTime(new Date(`${day}T12:00:00Z`));

test('the default cloud model is current, priced from the dataset with its date and source', async ({ page }) => {
  await onDay(page, '2026-12-07');
  await page.goto('./');
  await expect(page.locator('#cost-model')).toHaveValue('gpt-6-luna');
  const source = page.locator('#price-source');
  await expect(source).toContainText('$0.10 in / $0.50 out per 1M tokens');
  await expect(source).toContainText('genai-prices 0.2.3 (2026-11)');
  await expect(source).toContainText('https://developers.openai.com/api/docs/pricing');
  await expect(source).toHaveAttribute('data-stale', 'false');
  // Every major provider's cheap tier is offered (read once the app has rendered the panel).
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  const offered = await page.locator('#cost-model option').allTextContents();
  for (const provider of ['OpenAI', 'Google', 'Anthropic', 'Deepseek', 'Mistral', 'Microsoft Azure']) {
    expect(offered.some((o) => o.includes(provider)), provider).toBe(true);
  }
  // A price cut takes effect on its day: GPT-5.6 Luna's dated price.
  await page.locator('#cost-model').selectOption('gpt-5.6-luna');
  await expect(source).toContainText('$0.20 in / $1.20 out');
  await expect(source).toContainText('in force since 2026-07-30');
});

test('a retiring model in an old link names its replacement, which one click costs it at', async ({ page }) => {
  await onDay(page, '2026-12-07');
  await page.goto('./?cloud_model=gpt-5-nano');
  const notice = page.locator('#model-retirement');
  await expect(notice).toContainText('gpt-5-nano shuts down on 2026-12-11');
  await expect(notice).toContainText('gpt-6-luna');
  await page.locator('#use-replacement').click();
  await expect(page.locator('#cost-model')).toHaveValue('gpt-6-luna');
  await expect(page).toHaveURL(/cloud_model=gpt-6-luna/);
  await expect(notice).toHaveCount(0);
});

test('after the shutdown day the notice says it was shut down', async ({ page }) => {
  await onDay(page, '2026-12-20');
  await page.goto('./?cloud_model=gpt-5-mini');
  await expect(page.locator('#model-retirement')).toContainText('gpt-5-mini was shut down on 2026-12-11');
});

test('six months after the dataset was released its prices are flagged stale', async ({ page }) => {
  await onDay(page, '2027-07-01');
  await page.goto('./');
  await expect(page.locator('#price-source')).toHaveAttribute('data-stale', 'true');
  await expect(page.locator('#price-source')).toContainText('Possibly stale');
});

test('an unknown cloud_model in a link is reported and the default is used', async ({ page }) => {
  await page.goto('./?cloud_model=gpt-9&users=50');
  await expect(page.locator('#notices')).toContainText('cloud_model=gpt-9');
  await expect(page.locator('#cost-model')).toHaveValue('gpt-6-luna');
  await expect(page.locator('#cost-users')).toHaveValue('50');
});

for (const [kind, reply] of [
  ['missing', { status: 404, body: 'not here' }],
  ['not JSON', { status: 200, contentType: 'application/json', body: '{"dataset": ' }],
  ['missing a field', { status: 200, contentType: 'application/json', body: '{"dataset": {"name": "x"}, "prices": []}' }],
]) {
  test(`a price file that is ${kind} leaves the page working, says so, and typed prices still cost`, async ({ page }) => {
    await page.route('**/data/prices.json', (route) => route.fulfill(reply));
    await page.goto('./?privacy=device_only&users=100&requests_per_user_per_day=10&input_tokens=1000&output_tokens=100');
    await expect(page.locator('#notices')).toContainText('The list of cloud prices could not be read');
    await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'local');
    await page.locator('#cost-price_in').fill('0.1');
    await page.locator('#cost-price_in').blur();
    await page.locator('#cost-price_out').fill('0.5');
    await page.locator('#cost-price_out').blur();
    await expect(page.locator('#cloud-per-month')).toHaveText('$4.50');
  });
}
