// The on-device analyzer: ?describe= runs on load, suggestions are marked until kept or changed,
// the worker reproduces the training script's outputs, and vague text makes it abstain.
const { test, expect } = require('@playwright/test');
const vectors = require('../../models/analyzer.vectors.json');
// Every head the model has, as the training script wrote them (no count written here).
const HEADS = require('../../models/analyzer.labels.json').heads.length;

const status = (page) => page.locator('#inference-status');

test('?describe= fills the text, analyzes it on load and pre-selects suggested answers', async ({ page }) => {
  const text = 'Summarize patient notes on clinic laptops that are often offline';
  await page.goto(`./?describe=${encodeURIComponent(text)}`);
  await expect(page.locator('#describe-text')).toHaveValue(text);
  await expect(page.locator('#analysis')).toBeVisible({ timeout: 60_000 });
  await expect(status(page)).toContainText(/fetched in \d+ ms and optimized in \d+ ms/);
  await expect(page.locator('#analysis-latency')).toContainText(/in \d+\.\d\d ms \(p50\) \/ \d+\.\d\d ms \(p95\) over 30 runs/);
  const privacy = page.locator('#analysis li[data-factor="privacy"]');
  await expect(privacy).toHaveAttribute('data-suggestion', 'regulated');
  await expect(page.locator('input[name="privacy"][value="regulated"]')).toBeChecked();
  const badge = page.locator('#q-privacy .suggested');
  await expect(badge).toContainText('Suggested by the on-device model');
  // The suggestions feed the verdict and the link, like answers the visitor gave.
  await expect(page).toHaveURL(/privacy=regulated/);
  await badge.getByRole('button', { name: 'Keep it' }).click();
  await expect(badge).toHaveCount(0);
  await expect(page.locator('input[name="privacy"][value="regulated"]')).toBeChecked();
});

test('changing a suggested answer removes the mark and a new analysis does not overwrite it', async ({ page }) => {
  await page.goto('./?describe=' + encodeURIComponent('Summarize patient notes on clinic laptops that are often offline'));
  await expect(page.locator('#q-privacy .suggested')).toBeVisible({ timeout: 60_000 });
  await page.locator('input[name="privacy"][value="personal"]').check();
  await expect(page.locator('#q-privacy .suggested')).toHaveCount(0);
  await page.locator('#describe-text').fill('Classify medical records for a hospital, must work offline');
  await page.locator('#analyze').click();
  await expect(page.locator('#analysis')).toBeVisible();
  await expect(page.locator('input[name="privacy"][value="personal"]')).toBeChecked();
});

test('the worker in Chromium gives the outputs the training script computed', async ({ page }) => {
  await page.goto('./');
  // The analyzer's worker and model are fetched when the box is first used.
  await page.locator('#describe-text').focus();
  await expect(status(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  for (const vector of vectors.filter((v) => v.text.trim().length > 0).slice(0, 4)) {
    await page.locator('#describe-text').fill(vector.text);
    await page.locator('#analyze').click();
    await expect(page.locator('#analysis li[data-factor="privacy"]')).toHaveAttribute('data-confidence', /.+/);
    await expect(status(page)).toHaveAttribute('data-state', 'ready');
    for (const [factor, probs] of Object.entries(vector.outputs)) {
      const li = page.locator(`#analysis li[data-factor="${factor}"]`);
      const best = Math.max(...probs);
      const shown = Number(await li.getAttribute('data-confidence'));
      expect(Math.abs(shown - best)).toBeLessThan(1e-5);
    }
  }
});

test('vague text makes every head abstain and changes no answer', async ({ page }) => {
  await page.goto('./?latency=batch');
  // The analyzer's worker and model are fetched when the box is first used.
  await page.locator('#describe-text').focus();
  await expect(status(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page.locator('#describe-text').fill('Make our product better with AI');
  await page.locator('#analyze').click();
  await expect(page.locator('#analysis')).toHaveAttribute('data-suggested', '0');
  await expect(page.locator('#analysis li', { hasText: 'no suggestion' })).toHaveCount(HEADS);
  await expect(page.locator('.suggested')).toHaveCount(0);
  await expect(page.locator('.progress-line label')).toHaveText('Answered 1 of 13');
});
