// The page shell renders with no console errors; a missing or corrupt model leaves the advisor working.
const { test, expect } = require('@playwright/test');

function collectErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('the shell renders with no console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local or Cloud');
  await expect(page.locator('#questionnaire')).toBeVisible();
  await expect(page.locator('#device')).toBeVisible();
  await expect(page.locator('#no-wasm')).toBeHidden();
  await expect(page.locator('footer #version')).toHaveText(/^Local or Cloud v\d+\.\d+\.\d+$/);
  await expect(page.locator('footer a')).toHaveText('Source code');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.locator('#device-logical-cpu-cores')).toHaveText(String(cores));
  // The analyzer waits for its box to be used, then loads.
  await expect(page.locator('#inference-status')).toHaveAttribute('data-state', 'idle');
  await page.locator('#describe-text').focus();
  await expect(page.locator('#inference-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('a model that fails to download is reported and the page keeps working', async ({ page }) => {
  await page.route('**/models/analyzer.onnx', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./');
  // The model is fetched when the description box is first used.
  await page.locator('#describe-text').focus();
  const status = page.locator('#inference-status');
  await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(status).toContainText('HTTP 404');
  await expect(page.locator('#questionnaire')).toBeVisible();
});

test('a corrupt model file is reported as such', async ({ page }) => {
  await page.route('**/models/analyzer.onnx', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'this is not an onnx model' }),
  );
  await page.goto('./');
  // The model is fetched when the description box is first used.
  await page.locator('#describe-text').focus();
  const status = page.locator('#inference-status');
  await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(status).toContainText('could not be read as ONNX');
  await expect(page.locator('#analyze')).toBeDisabled();
  await page.locator('input[name="privacy"][value="device_only"]').check();
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'local');
});

test('a worker that never starts is reported after a timeout', async ({ page }) => {
  await page.route('**/worker_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./?describe=summarize+patient+notes');
  const status = page.locator('#inference-status');
  await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 40_000 });
  await expect(status).toContainText('did not start within 20 s');
  await expect(page.locator('#describe-text')).toHaveValue('summarize patient notes');
});

test('a browser without WebAssembly gets a clear message', async ({ page }) => {
  await page.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  await page.goto('./');
  await expect(page.locator('#no-wasm')).toBeVisible();
  await expect(page.locator('#no-wasm')).toContainText('needs WebAssembly');
  // The prerendered questions stay on screen; only the verdict needs the app.
  await expect(page.locator('#questionnaire')).toBeVisible();
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'undecided');
});
