// The first screen is HTML from the build: the questions are there without WebAssembly and
// without JavaScript, the app takes the page over without losing what the visitor entered, and
// nothing moves when it does.
const { test, expect } = require('@playwright/test');
const path = require('node:path');
const { holdAppBundle, watchLayoutShifts } = require('./page_watch');

// These tests hold back or block the app's bundle with page.route. The service worker's own
// downloads are outside page.route and made them unreliable in a full run; none of them needs
// it, so none is allowed here (pwa.spec.js tests it).
test.use({ serviceWorkers: 'block' });

// Every question and its options, as the Rust table writes them for the Python side.
const QUESTIONS = require(path.join(__dirname, '../../models/questionnaire.json')).factors;

async function expectEveryQuestion(page) {
  for (const { factor, options } of QUESTIONS) {
    const inputs = page.locator(`#questionnaire input[type="radio"][name="${factor}"]`);
    await expect(inputs, factor).toHaveCount(options.length);
    for (const option of options) {
      await expect(page.locator(`input[name="${factor}"][value="${option}"]`), `${factor}=${option}`).toBeVisible();
    }
  }
}

test('with every .wasm request blocked the questions are on screen and the page says why no verdict comes', async ({ page }) => {
  const blocked = [];
  await page.route(/\.wasm(\?.*)?$/, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  await page.goto('./');
  await expectEveryQuestion(page);
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'undecided');
  await expect(page.locator('#no-wasm')).toBeVisible();
  await expect(page.locator('#no-wasm')).toContainText('did not load');
  await expect(page.locator('#inference-status')).toContainText('did not load');
  expect(blocked.some((url) => /app-[0-9a-f]+_bg\.wasm/.test(url))).toBe(true);
  // Nothing claims to know this device before it was measured.
  await expect(page.locator('#fit-table')).toHaveCount(0);
  await expect(page.locator('#fit-pending')).toBeVisible();
  // The cloud comparison needs the app: its fields cannot be typed into and then lost.
  for (const id of ['#cloud-provider', '#cloud-base', '#cloud-model', '#cloud-key']) {
    await expect(page.locator(id)).toBeDisabled();
  }
});

test('the cloud fields are usable once the app has taken over', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  for (const id of ['#cloud-provider', '#cloud-base', '#cloud-model', '#cloud-key']) {
    await expect(page.locator(id)).toBeEnabled();
  }
});

test('without JavaScript the questions are a form that keeps the answers in a link', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expectEveryQuestion(page);
  // Chromium with scripts turned off through the test protocol still parses <noscript> as text
  // (a browser whose visitor turned scripts off shows it), so the note is read from its source.
  expect(await page.locator('noscript').first().evaluate((n) => n.textContent)).toContain('turn on JavaScript (and WebAssembly) to see it');
  await page.locator('input[name="privacy"][value="regulated"]').check();
  await page.locator('input[name="connectivity"][value="offline"]').check();
  await page.getByRole('button', { name: "Keep these answers in the page's link" }).click();
  await expect(page).toHaveURL(/privacy=regulated/);
  expect(new URL(page.url()).searchParams.get('connectivity')).toBe('offline');
  await context.close();
});

test('answers given before the app starts are kept when it takes over', async ({ page }) => {
  // Hold the app's wasm back until the visitor has answered in the prerendered page.
  const release = await holdAppBundle(page);
  await page.goto('./?latency=realtime');
  await page.locator('input[name="privacy"][value="regulated"]').check();
  await page.locator('#describe-text').fill('Caption photos while the camera is open');
  release();
  // The app has taken over once the result reacts to answers.
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', /^(local|cloud|hybrid)$/);
  await expect(page.locator('input[name="privacy"][value="regulated"]')).toBeChecked();
  await expect(page.locator('input[name="latency"][value="realtime"]')).toBeChecked();
  await expect(page.locator('#describe-text')).toHaveValue('Caption photos while the camera is open');
  // The address bar follows once the answers have been still for a moment.
  await expect(page).toHaveURL(/privacy=regulated/);
});

test('cost figures and "this device" set before the app starts are kept when it takes over', async ({ page }) => {
  const release = await holdAppBundle(page);
  await page.goto('./?resources=gpu');
  await page.locator('#cost-users').fill('5000');
  await page.locator('#cost-model').selectOption('gpt-5-mini');
  await page.locator('#this-device').check();
  release();
  await expect(page).toHaveURL(/device=this/);
  const params = new URL(page.url()).searchParams;
  expect(params.get('users')).toBe('5000');
  expect(params.get('cloud_model')).toBe('gpt-5-mini');
  // Fields left as prerendered are not copied into the link.
  expect(params.get('input_tokens')).toBeNull();
  await expect(page.locator('#cost-users')).toHaveValue('5000');
  await expect(page.locator('#this-device')).toBeChecked();
});

test('a keyboard user keeps their place when the app takes over', async ({ page }) => {
  const release = await holdAppBundle(page);
  await page.goto('./');
  await page.locator('input[name="privacy"][value="public"]').focus();
  await page.keyboard.press('ArrowDown');
  release();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  await expect(page.locator('input[name="privacy"][value="internal"]')).toBeFocused();
  await expect(page.locator('input[name="privacy"][value="internal"]')).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('input[name="privacy"][value="personal"]')).toBeChecked();
  await expect(page.locator('.progress-line label')).toHaveText('Answered 1 of 13');
});

test('the app takes over the prerendered page without moving it', async ({ page }) => {
  const layoutShifts = await watchLayoutShifts(page);
  await page.goto('./');
  // The app has taken over the prerendered page; the analyzer waits for its box to be used.
  await expect(page.locator('html')).toHaveAttribute('data-app', /.*/, { timeout: 60_000 });
  await expect(page.locator('#inference-status')).toHaveAttribute('data-state', 'idle');
  // The last part to arrive: the fit table, from the report worker.
  await expect(page.locator('#fit-table')).toBeAttached({ timeout: 30_000 });
  const shifts = await layoutShifts();
  expect(shifts).toEqual([]);
});

test('an embedded advisor paints compact before its app runs', async ({ page }) => {
  await page.route(/\.wasm(\?.*)?$/, (route) => route.abort());
  await page.goto('./?embed=1&privacy=regulated');
  await expect(page.locator('#questionnaire')).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('#evidence')).toBeHidden();
  await expect(page.locator('#export')).toBeHidden();
});
