// Embedding: ?embed=1's compact layout, and embed.js on a documentation page served from another
// loopback origin (HOST_URL): a sandboxed frame that resizes, prefilled answers, the result
// message, and messages from foreign origins ignored.
const { test, expect } = require('@playwright/test');

test.use({ serviceWorkers: 'allow' });

const HOST_URL = process.env.HOST_URL;
const BASE_URL = process.env.BASE_URL;

// Opens the docs page and includes embed.js from the advisor's origin, as a docs site does.
async function openDocsPage(page) {
  await page.goto(HOST_URL + 'docs.html');
  await page.addScriptTag({ url: BASE_URL + 'embed.js' });
  return page.locator('#advisor iframe');
}

test('?embed=1 shows only the questionnaire and the result, with a link to the full advisor', async ({ page }) => {
  await page.goto('./?embed=1&privacy=regulated');
  await expect(page.locator('#questionnaire')).toBeVisible();
  await expect(page.locator('#result')).toBeVisible();
  await expect(page.locator('footer, #device')).toHaveCount(0);
  // The header is index.html's own; an embed hides it.
  await expect(page.locator('header.site-header')).toBeHidden();
  const link = page.getByRole('link', { name: 'Open the full advisor' });
  await expect(link).toHaveAttribute('href', /privacy=regulated/);
  await expect(link).not.toHaveAttribute('href', /embed=/);
});

test('an embed without a description has no description box and never fetches the analyzer', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    if (/worker(_loader)?\.js|worker_bg\.wasm|analyzer\.onnx/.test(request.url()) && !/cloud_|report_/.test(request.url())) fetched.push(request.url());
  });
  await page.goto('./?embed=1&privacy=regulated');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', /local|cloud|hybrid/);
  await expect(page.locator('#describe')).toHaveCount(0);
  await page.locator('input[name="connectivity"][value="offline"]').check();
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'local');
  expect(fetched).toEqual([]);
  // With a description in its link, the embed shows it and analyzes it.
  await page.goto('./?embed=1&describe=summarize+patient+notes+offline');
  await expect(page.locator('#describe-text')).toHaveValue('summarize patient notes offline');
  await expect(page.locator('#inference-status')).toHaveAttribute('data-state', /ready|analyzing/, { timeout: 60_000 });
});

test('embed.js makes a sandboxed frame with prefilled answers, theme and a stable minimum height', async ({ page }) => {
  const frame = await openDocsPage(page);
  await expect(frame).toHaveCount(1);
  const sandbox = await frame.getAttribute('sandbox');
  expect(sandbox.split(' ')).toEqual(expect.arrayContaining(['allow-scripts', 'allow-same-origin']));
  expect(new URL(BASE_URL).origin).not.toBe(new URL(HOST_URL).origin);
  const src = new URL(await frame.getAttribute('src'));
  expect(src.searchParams.get('embed')).toBe('1');
  expect(src.searchParams.get('host')).toBe(new URL(HOST_URL).origin);
  expect(await frame.evaluate((f) => getComputedStyle(f).minHeight)).toBe('400px');
  const inside = page.frameLocator('#advisor iframe');
  await expect(inside.locator('input[name="privacy"][value="regulated"]')).toBeChecked();
  await expect(inside.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(inside.locator('#questionnaire')).toBeVisible();
  await expect(inside.locator('footer')).toHaveCount(0);
});

test('a frame without data-theme follows the page\'s colour scheme as it changes', async ({ page }) => {
  await openDocsPage(page);
  // A second placeholder that pins nothing, added later as a docs site's navigation would.
  await page.evaluate(() => {
    document.body.setAttribute('data-md-color-scheme', 'default');
    const holder = document.createElement('div');
    holder.id = 'auto';
    holder.setAttribute('data-local-or-cloud', '');
    holder.setAttribute('data-answers', 'privacy=personal');
    document.body.appendChild(holder);
  });
  const auto = page.frameLocator('#auto iframe');
  await expect(auto.locator('html')).toHaveAttribute('data-app', 'running');
  await expect(auto.locator('html')).toHaveAttribute('data-theme', 'light');
  // MkDocs Material's palette toggle.
  await page.evaluate(() => document.body.setAttribute('data-md-color-scheme', 'slate'));
  await expect(auto.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.evaluate(() => document.body.setAttribute('data-md-color-scheme', 'default'));
  await expect(auto.locator('html')).toHaveAttribute('data-theme', 'light');
  // The page can set it too; the pinned frame keeps its own.
  await page.evaluate(() => window.localOrCloud.setTheme('dark'));
  await expect(auto.locator('html')).toHaveAttribute('data-theme', 'dark');
  const pinned = page.frameLocator('#advisor iframe');
  await expect(pinned.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.evaluate(() => window.localOrCloud.setTheme('light'));
  await expect(auto.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(pinned.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a theme message from anything but the embedding page is ignored', async ({ page }) => {
  // The advisor opened on its own and told to turn dark from its own origin, not the host's.
  await page.goto(`./?embed=1&host=${encodeURIComponent(new URL(HOST_URL).origin)}&theme=light`);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  await page.evaluate(() => window.postMessage({ protocol: 'local-or-cloud', version: 1, type: 'theme', theme: 'dark' }, '*'));
  await page.waitForTimeout(200);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('an embedded advisor never registers the service worker', async ({ page }) => {
  await openDocsPage(page);
  const inside = page.frameLocator('#advisor iframe');
  await expect(inside.locator('html')).toHaveAttribute('data-app', 'running');
  // pwa.js registers at the latest ten seconds after load; an embed must not, ever.
  await page.waitForTimeout(11_000);
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  expect(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  // The full page on the same origin still does.
  await page.goto(BASE_URL);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), { timeout: 20_000 }).toBe(1);
});

test('the frame grows with its content and the result reaches the page', async ({ page }) => {
  const frame = await openDocsPage(page);
  const inside = page.frameLocator('#advisor iframe');
  await expect(inside.locator('#result')).toHaveAttribute('data-verdict', /local|cloud|hybrid/);
  // The first resize message replaces the minimum height with the content's height.
  await expect.poll(() => frame.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(400);
  const before = await frame.evaluate((f) => f.getBoundingClientRect().height);
  const scrollHeight = await inside.locator('body').evaluate((b) => b.scrollHeight);
  expect(Math.abs(before - scrollHeight)).toBeLessThanOrEqual(1);

  // Answering the connectivity question adds its reasons and a hard rule to the result.
  await inside.locator('input[name="connectivity"][value="offline"]').check();
  await expect(inside.locator('#result')).toHaveAttribute('data-verdict', 'local');
  await expect.poll(() => frame.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(before);

  await expect(page.locator('#advisor')).toHaveAttribute('data-verdict', 'local');
  const results = await page.evaluate(() => window.results);
  const last = results[results.length - 1];
  expect(last.verdict).toBe('local');
  expect(last.answered).toBe(2);
  expect(last.confidence).toBeGreaterThan(0);
  expect(last.confidence).toBeLessThanOrEqual(1);
});

test('messages from other origins or other frames are ignored', async ({ page }) => {
  const frame = await openDocsPage(page);
  const inside = page.frameLocator('#advisor iframe');
  await expect(inside.locator('#result')).toBeVisible();
  // The details the report worker writes (the stacks) are the last part to arrive.
  await expect(inside.locator('#stacks')).toBeAttached();
  await expect(page.locator('#advisor')).toHaveAttribute('data-verdict', /local|cloud|hybrid/);
  await expect.poll(() => frame.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(400);
  const height = await frame.evaluate((f) => f.getBoundingClientRect().height);
  const verdict = await page.locator('#advisor').getAttribute('data-verdict');
  const forged = (kind) => ({ protocol: 'local-or-cloud', version: 1, ...kind });
  // The page's own origin, and a sandboxed frame with an opaque origin, forge both messages.
  await page.evaluate((messages) => {
    for (const message of messages) window.postMessage(message, '*');
    const foreign = document.createElement('iframe');
    foreign.setAttribute('sandbox', 'allow-scripts');
    foreign.srcdoc = `<script>for (const m of ${JSON.stringify(messages)}) parent.postMessage(m, '*');<\/script>`;
    document.body.appendChild(foreign);
  }, [forged({ type: 'resize', height: 5000 }), forged({ type: 'result', verdict: 'cloud', answered: 9 })]);
  await page.waitForTimeout(500);
  expect(await frame.evaluate((f) => f.getBoundingClientRect().height)).toBe(height);
  await expect(page.locator('#advisor')).toHaveAttribute('data-verdict', verdict);
  expect((await page.evaluate(() => window.results)).some((r) => r.answered === 9)).toBe(false);
});

test('a placeholder with an unknown attribute or bad answers is told so in the frame, and the rest applies', async ({ page }) => {
  await page.goto(HOST_URL + 'docs.html');
  await page.evaluate(() => {
    const holder = document.getElementById('advisor');
    holder.setAttribute('data-answers', 'privacy=secret&latency=batch');
    holder.setAttribute('data-colour', 'blue');
  });
  await page.addScriptTag({ url: BASE_URL + 'embed.js' });
  const inside = page.frameLocator('#advisor iframe');
  await expect(inside.locator('#notices')).toContainText("'data-colour' is not something");
  await expect(inside.locator('#notices')).toContainText('privacy takes public');
  await expect(inside.locator('input[name="latency"][value="batch"]')).toBeChecked();
  await expect(inside.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('data-describe puts the description in the frame and shows its box', async ({ page }) => {
  await page.goto(HOST_URL + 'docs.html');
  await page.evaluate(() => {
    document.getElementById('advisor').setAttribute('data-describe', 'Summarize notes offline');
  });
  await page.addScriptTag({ url: BASE_URL + 'embed.js' });
  const inside = page.frameLocator('#advisor iframe');
  await expect(inside.locator('#describe-text')).toHaveValue('Summarize notes offline');
});

// The compact layout a docs page needs: the verdict first, answered questions on one line each
// with "Change", only the next unanswered question open, all within 1,000 px.
for (const width of [1280, 390]) {
  test(`at ${width} px the embed shows the verdict first and fits two answers and the next question in 1,000 px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?embed=1&privacy=regulated&connectivity=offline');
    await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
    await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'local');
    // Who can run it arrives last, from the report worker: measured with it in.
    await expect(page.locator('#reach')).toBeVisible();
    const top = (selector) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().top);
    expect(await top('#result')).toBeLessThan(await top('#questionnaire'));
    // The hard rules are the top reasons, in view; the evidence is in the full advisor.
    await expect(page.locator('#result .rules li').first()).toBeVisible();
    await expect(page.locator('.factor-chart')).toBeHidden();
    // Each answered question is one line: its answer and "Change".
    const privacy = page.locator('#q-privacy');
    await expect(privacy).toHaveClass(/collapsed/);
    await expect(privacy.locator('.option:visible')).toHaveCount(1);
    await expect(privacy.getByRole('button', { name: 'Change' })).toBeVisible();
    // One unanswered question is open; the rest wait their turn.
    await expect(page.locator('.question:not(.answered):visible')).toHaveCount(1);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`embed at ${width} px with two answers: ${height} px`);
    expect(height).toBeLessThanOrEqual(1000);
  });
}

test('in the embed "Change" opens an answer with the focus on it, and answering opens the next question', async ({ page }) => {
  await page.goto('./?embed=1&privacy=regulated');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  await page.locator('#q-privacy').getByRole('button', { name: 'Change' }).click();
  await expect(page.locator('#q-privacy .option:visible')).toHaveCount(await page.locator('#q-privacy .option').count());
  expect(await page.evaluate(() => document.activeElement.id)).toBe('privacy-regulated');
  // The next question, answered from the keyboard: the focus stays in it, and the one after opens.
  const next = page.locator('.question:not(.answered):visible');
  const id = await next.getAttribute('id');
  await next.locator('input[type=radio]').first().focus();
  await page.keyboard.press('Space');
  await expect(page.locator(`#${id}`)).toHaveClass(/answered/);
  expect(await page.evaluate((id) => !!document.activeElement.closest(`#${id}`), id)).toBe(true);
  await expect(page.locator('.question:not(.answered):visible')).toHaveCount(1);
  expect(await page.locator('.question:not(.answered):visible').getAttribute('id')).not.toBe(id);
});
