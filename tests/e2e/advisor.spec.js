// The advisor page: answering, share links, autosave, bad links, export, accessibility, layouts.
const { test, expect } = require('@playwright/test');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { watchLayoutShifts, breakWorkers } = require('./page_watch');

const result = (page) => page.locator('#result');

function collectPageErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function answer(page, factor, option) {
  await page.locator(`input[name="${factor}"][value="${option}"]`).check();
}

test('answering changes the verdict as the visitor goes', async ({ page }) => {
  await page.goto('./');
  // No verdict before an answer: the result says what it needs.
  await expect(result(page)).toHaveAttribute('data-verdict', 'undecided');
  await expect(page.locator('#undecided-note')).toContainText('Answer any question');
  await expect(page.locator('.progress-line label')).toHaveText('Answered 0 of 13');

  await answer(page, 'privacy', 'public');
  await answer(page, 'model_size', 'large');
  await answer(page, 'resources', 'low_end');
  await answer(page, 'connectivity', 'always');
  await expect(result(page)).toHaveAttribute('data-verdict', 'cloud');
  await expect(page.locator('[data-rule="hardware_cannot_run_task"]')).toBeVisible();
  await expect(page.locator('.progress-line label')).toHaveText('Answered 4 of 13');

  await answer(page, 'privacy', 'device_only');
  await expect(result(page)).toHaveAttribute('data-verdict', 'local');
  await expect(page.locator('#conflict')).toContainText('The rules collide');
  await expect(page.locator('#conflict')).toContainText('Use a smaller model');
});

test('a hybrid names its architecture, and each "what would change it" link opens that verdict', async ({ page }) => {
  // A cheap always-online speaker whose requests vary: a local gate in front of the cloud.
  await page.goto('./?privacy=personal&resources=low_end&model_size=large&connectivity=always&request_mix=varied&knowledge=live_data');
  await expect(result(page)).toHaveAttribute('data-verdict', 'hybrid');
  await expect(result(page)).toHaveAttribute('data-hybrid-mode', 'local_gate');
  await expect(page.locator('#hybrid-plan .takes li')).toHaveCount(3);
  await expect(page.locator('input[name="request_mix"][value="varied"]')).toBeChecked();
  await expect(page.locator('input[name="knowledge"][value="live_data"]')).toBeChecked();
  const flips = page.locator('#flips a[data-flip-to]');
  expect(await flips.count()).toBeGreaterThan(0);
  for (const target of ['local', 'cloud']) {
    const link = page.locator(`#flips a[data-flip-to="${target}"]`).first();
    await expect(link).toBeVisible();
    const href = await link.getAttribute('href');
    const other = await page.context().newPage();
    await other.goto(new URL(href, page.url()).toString());
    await expect(result(other)).toHaveAttribute('data-verdict', target);
    await other.close();
  }
  // Keyboard: the flip links are reachable with Tab and named by their change.
  await page.locator('#flips a').first().focus();
  await expect(page.locator('#flips a').first()).toBeFocused();
  await expect(page.locator('#flips a').first()).toContainText(':');
});

test('a "what would change the verdict" link that wraps keeps ordinary line spacing and a 44 px target', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Eight answers: long flip descriptions, several of which wrap at this width.
  await page.goto('./?privacy=personal&resources=low_end&model_size=large&connectivity=always&request_mix=varied&knowledge=live_data&latency=interactive&cost=balanced');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  const links = page.locator('#flips a[data-flip-to]');
  expect(await links.count()).toBeGreaterThan(0);
  const boxes = await links.evaluateAll((els) => els.map((a) => {
    const range = document.createRange();
    range.selectNodeContents(a);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    const style = getComputedStyle(a);
    const box = a.getBoundingClientRect();
    return {
      lines,
      height: box.height,
      lineHeight: parseFloat(style.lineHeight),
      padding: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
      // The list marker sits on the item's first line: the link must start where the item does.
      offset: box.top - a.closest('li').getBoundingClientRect().top,
    };
  }));
  expect(boxes.some((b) => b.lines > 1), JSON.stringify(boxes)).toBe(true);
  for (const b of boxes) {
    expect(b.height).toBeGreaterThanOrEqual(44);
    expect(b.lineHeight).toBeLessThan(30);
    expect(b.height).toBeLessThanOrEqual(Math.max(44, b.lines * b.lineHeight + b.padding) + 1);
    expect(Math.abs(b.offset)).toBeLessThan(1);
  }
  await page.locator('#flips').screenshot({ path: testInfo.outputPath('flips-1280.png') });
});

test('a version-1 link keeps its meaning, and the optional questions come last', async ({ page }) => {
  await page.goto('./?privacy=device_only&tooling=cross_platform&model_size=small');
  await expect(result(page)).toHaveAttribute('data-verdict', 'local');
  await expect(page.locator('#notices')).toHaveCount(0);
  const names = await page.locator('fieldset.question input[type=radio]').evaluateAll(
    (inputs) => [...new Set(inputs.map((i) => i.name))]);
  expect(names.slice(-2)).toEqual(['request_mix', 'knowledge']);
  await expect(page.locator('input[name="tooling"][value="mobile"]')).toHaveCount(1);
});

test('a keyboard alone can answer a question', async ({ page }) => {
  await page.goto('./');
  await page.locator('input[name="privacy"][value="public"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('input[name="privacy"][value="internal"]')).toBeChecked();
  await expect(page.locator('.progress-line label')).toHaveText('Answered 1 of 13');
  // Answering adds the question's Clear button after its options; the focus stays on the
  // answer, so the next Tab goes on from here rather than from the top of the page.
  await expect(page.locator('input[name="privacy"][value="internal"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#q-privacy button.clear')).toBeFocused();
  await page.locator('input[name="latency"][value="batch"]').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('input[name="latency"][value="batch"]')).toBeChecked();
  await expect(page.locator('input[name="latency"][value="batch"]')).toBeFocused();
});

test('a prefilled link reproduces a verdict, and the address bar follows the answers', async ({ page, context }) => {
  await page.goto('./?privacy=regulated&connectivity=intermittent&model_size=medium&resources=mainstream&tooling=windows');
  await expect(result(page)).toHaveAttribute('data-verdict', 'local');
  await expect(page.locator('input[name="privacy"][value="regulated"]')).toBeChecked();
  await expect(page.locator('#notices')).toHaveCount(0);

  await answer(page, 'latency', 'batch');
  await expect(page).toHaveURL(/latency=batch/);
  const link = page.url();
  const verdict = await result(page).getAttribute('data-verdict');

  const other = await context.newPage();
  await other.goto(link);
  await expect(result(other)).toHaveAttribute('data-verdict', verdict);
  await expect(other.locator('input[name="latency"][value="batch"]')).toBeChecked();
});

test('cost inputs from a link drive the cost, and a bad edit is refused with a message', async ({ page }) => {
  // 100 users x 10 requests x 30 days = 30,000 requests; 1,000 in + 100 out on gpt-4o-mini
  // = $0.00015 + $0.00006 = $0.00021 each, $6.30 a month.
  await page.goto('./?users=100&requests_per_user_per_day=10&input_tokens=1000&output_tokens=100&cloud_model=gpt-4o-mini');
  await expect(page.locator('#cloud-per-month')).toHaveText('$6.30');
  await page.locator('#cost-users').fill('-5');
  await page.locator('#cost-users').blur();
  await expect(page.locator('.field-error')).toContainText('users takes a whole number');
  await expect(page.locator('#cloud-per-month')).toHaveText('$6.30');
  await page.locator('#cost-users').fill('200');
  await page.locator('#cost-users').blur();
  await expect(page.locator('#cloud-per-month')).toHaveText('$12.60');
  await expect(page).toHaveURL(/users=200/);
});

test('a price can be edited, travels in the link and the export, and goes back to the list price', async ({ page }) => {
  // gpt-6-luna (the default) at 100 users x 10 a day: 30,000 requests of 1,000 in + 100 out
  // = $0.0001 + $0.00005 = $0.00015 each, $4.50 a month; at $0.20 in it is $0.00025, $7.50.
  await page.goto('./?users=100&requests_per_user_per_day=10&input_tokens=1000&output_tokens=100');
  await expect(page.locator('#cloud-per-month')).toHaveText('$4.50');
  await page.locator('#cost-price_in').fill('0.2');
  await page.locator('#cost-price_in').blur();
  await expect(page.locator('#cloud-per-month')).toHaveText('$7.50');
  await expect(page).toHaveURL(/price_in=0\.2/);
  const again = await page.context().newPage();
  await again.goto(page.url());
  await expect(again.locator('#cloud-per-month')).toHaveText('$7.50');
  await again.close();
  await page.locator('#list-price').click();
  await expect(page.locator('#cloud-per-month')).toHaveText('$4.50');
  await expect(page).not.toHaveURL(/price_in/);
});

test('the page reads in the order a person works: describe, questions, verdict, evidence, export', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?privacy=personal');
  // Measured on the app's page, not on the prerendered one it replaces while this runs.
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  const top = async (selector) => (await page.locator(selector).boundingBox()).y;
  const order = [await top('#describe'), await top('#questionnaire'), await top('#result'),
    await top('#evidence'), await top('#export')];
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // While answering on a phone, the verdict stays in view at the bottom of the screen.
  await page.locator('#q-cost').scrollIntoViewIfNeeded();
  await expect(page.locator('.verdict-bar')).toBeInViewport();
  // Every control a finger presses is at least 44 px tall.
  const small = await page.locator('.option, button:visible, #flips a, select').evaluateAll((els) =>
    els.filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 43.5)
      .map((e) => e.id || e.className || e.textContent.slice(0, 30)));
  expect(small).toEqual([]);
});

test('answers are saved on the device, come back on reload, and Start over clears them', async ({ page }) => {
  await page.goto('./');
  await answer(page, 'privacy', 'personal');
  await answer(page, 'latency', 'realtime');
  await page.goto('./');
  await expect(page.locator('input[name="privacy"][value="personal"]')).toBeChecked();
  await expect(page.locator('input[name="latency"][value="realtime"]')).toBeChecked();

  await page.locator('#start-over').click();
  await expect(page.locator('.progress-line label')).toHaveText('Answered 0 of 13');
  await page.goto('./');
  await expect(page.locator('.progress-line label')).toHaveText('Answered 0 of 13');
});

test('typing does not rewrite the address bar at every keystroke, and what was typed is kept', async ({ page }) => {
  // Safari throws after 100 replaceState calls in 30 s: the page writes once typing pauses.
  await page.addInitScript(() => {
    window.__replaced = 0;
    const replace = History.prototype.replaceState;
    History.prototype.replaceState = function (...args) {
      window.__replaced += 1;
      return replace.apply(this, args);
    };
  });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  const text = 'Summarize support tickets for agents, on their laptops, many times a day, with customer data';
  await page.locator('#describe-text').pressSequentially(text, { delay: 15 });
  await expect.poll(() => new URL(page.url()).searchParams.get('describe')).toBe(text);
  const replaced = await page.evaluate(() => window.__replaced);
  console.log(`${text.length} keystrokes, ${replaced} address-bar writes`);
  // A write happens only where typing paused for 350 ms; here, far fewer than one a keystroke.
  expect(replaced).toBeLessThanOrEqual(10);
  // Local storage follows every change: leaving at once still keeps the last words.
  await page.locator('#describe-text').pressSequentially(' and orders');
  await page.goto('./');
  await expect(page.locator('#describe-text')).toHaveValue(`${text} and orders`);
});

const BAD_LINKS = [
  ['an unknown key', '?colour=blue&latency=batch', "'colour' is not something"],
  ['an unknown value', '?privacy=secret&latency=batch', 'privacy takes public'],
  ['an out-of-range number', '?users=-3&latency=batch', 'users takes a whole number'],
  ['garbage', '?%E0%A4%A=%%%&&==&latency=batch', 'is not something'],
  ['a huge value', `?privacy=${'x'.repeat(5000)}&latency=batch`, 'far too long'],
  ['markup', '?%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1&latency=batch', '<img src=x onerror=alert(1)>'],
];

for (const [kind, query, message] of BAD_LINKS) {
  test(`a link with ${kind} shows a notice and nothing breaks`, async ({ page }) => {
    const errors = collectPageErrors(page);
    let dialogs = 0;
    page.on('dialog', (dialog) => { dialogs += 1; dialog.dismiss(); });
    await page.goto(`./${query}`);
    await expect(page.locator('#notices')).toContainText(message);
    await expect(page.locator('input[name="latency"][value="batch"]')).toBeChecked();
    await expect(result(page)).toHaveAttribute('data-verdict', /local|cloud|hybrid/);
    await expect(page.locator('#notices img')).toHaveCount(0);
    await page.locator('#dismiss-notices').click();
    await expect(page.locator('#notices')).toHaveCount(0);
    expect(errors).toEqual([]);
    expect(dialogs).toBe(0);
  });
}

test('the report can be copied as Markdown and downloaded as JSON', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const fetched = [];
  page.on('request', (request) => {
    if (/report_worker/.test(request.url())) fetched.push(request.url());
  });
  // On a phone the device panel starts folded; a local verdict still asks the report worker
  // for its reach, and the export uses the same worker.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?privacy=device_only&model_size=small');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  await expect(page.locator('#reach')).toHaveAttribute('data-model', 'Llama 3.2 1B');
  await page.locator('#report-copy').click();
  await expect(page.locator('#report-status')).toHaveText('Markdown report copied.');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^# Local or Cloud: local/);
  expect(markdown).toContain('Policy forbids the data from leaving the device');
  expect(markdown).toContain('Reproduce: `?privacy=device_only&model_size=small`');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#report-download').click()]);
  expect(download.suggestedFilename()).toBe('local-or-cloud.json');
  const json = JSON.parse(require('fs').readFileSync(await download.path(), 'utf8'));
  expect(json.recommendation.verdict).toBe('local');
  expect(json.query).toBe('privacy=device_only&model_size=small');
  // The decision record: what would change it and starting code for a small local model.
  expect(json.what_would_change_it.length).toBeGreaterThan(0);
  expect(json.starting_code.some((s) => s.code.includes('additionalProperties'))).toBe(true);
  // The record states the reach the page showed: its share, survey and date.
  expect(markdown).toContain('## Who can run it');
  expect(json.reach.model).toBe('Llama 3.2 1B');
  expect(json.reach.fleet_source).toBe('survey');
  expect(json.reach.survey_date).toBe('2026-04');
  expect(Number(await page.locator('#reach').getAttribute('data-local-share'))).toBeCloseTo(json.reach.local_share, 6);
  expect(fetched.some((url) => url.endsWith('report_worker.js'))).toBe(true);
});

test('a verdict that runs on the device where it can quotes the share of a surveyed fleet that can, and what the rest costs', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    if (/report_worker/.test(request.url())) fetched.push(request.url());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  // A cloud verdict stands on no device: its stacks come from the report worker, with no reach.
  await page.goto('./?privacy=public&model_size=large&collaboration=anywhere&connectivity=always');
  await expect(result(page)).toHaveAttribute('data-verdict', 'cloud');
  await expect(page.locator('#stacks li[data-side="cloud"]').first()).toBeVisible();
  await expect(page.locator('#reach')).toHaveCount(0);
  expect(fetched.some((url) => url.endsWith('report_worker.js'))).toBe(true);
  // A capability-gated Windows feature on a mixed fleet: the share that runs Phi-4-mini natively.
  await page.goto('./?privacy=internal&resources=mixed&model_size=medium&tooling=windows&cost=no_usage_fees&connectivity=intermittent');
  await expect(result(page)).toHaveAttribute('data-verdict', 'hybrid');
  const reach = page.locator('#reach');
  await expect(reach).toHaveAttribute('data-model', 'Phi-4-mini (3.8B)');
  await expect(reach).toHaveAttribute('data-runtime', 'native-cpu');
  await expect(reach).toHaveAttribute('data-fleet-source', 'survey');
  await expect(reach).toHaveAttribute('data-survey-date', '2026-04');
  const share = Number(await reach.getAttribute('data-local-share'));
  expect(share).toBeGreaterThan(0);
  expect(share).toBeLessThanOrEqual(1);
  await expect(reach).toContainText(`About ${Math.round(share * 100)}% of the PCs`);
  await expect(reach).toContainText('would fall back to the cloud');
  await expect(reach.locator('li[data-runtime]')).toHaveCount(4);
  // A local verdict has no cloud to fall back to; a bigger model never reaches more of the fleet.
  await page.goto('./?privacy=device_only&connectivity=offline&model_size=small&tooling=windows');
  await expect(result(page)).toHaveAttribute('data-verdict', 'local');
  await expect(reach).toHaveAttribute('data-model', 'Llama 3.2 1B');
  await expect(reach).not.toContainText('fall back');
  const small = Number(await reach.getAttribute('data-local-share'));
  await answer(page, 'model_size', 'large');
  await expect(reach).toHaveAttribute('data-model', 'Qwen2.5 7B');
  expect(Number(await reach.getAttribute('data-local-share'))).toBeLessThanOrEqual(small);
});

test('a browser without ClipboardItem gets the report once it is written', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // As in Firefox before 127: the copy waits for the worker's text, then writes it as text.
  await page.addInitScript(() => { delete window.ClipboardItem; });
  await page.goto('./?privacy=device_only&model_size=small');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  expect(await page.evaluate(() => 'ClipboardItem' in window)).toBe(false);
  // The clipboard outlives a test: empty it, so only this copy can fill it.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('#report-copy').click();
  await expect(page.locator('#report-status')).toHaveText('Markdown report copied.');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^# Local or Cloud: local/);
});

// Issue 29 e: the file was saved after an await (Safari refuses a download that is not inside
// the click) and its object URL revoked right after the click (Firefox reads it later).
test('a download is saved inside the click, and its file stays readable after it', async ({ page }) => {
  await page.goto('./?privacy=device_only&model_size=small');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  // The device panel's fit table has its own report worker: let it start first.
  await expect(page.locator('#fit-table')).toBeVisible();
  await page.evaluate(() => {
    window.clicks = [];
    window.reportWorkers = [];
    let inClick = false;
    document.addEventListener('click', (event) => {
      if (event.target.id !== 'report-download') return;
      inClick = true;
      setTimeout(() => { inClick = false; }, 0);
    }, true);
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      window.clicks.push({ href: this.href, inClick });
      return click.call(this);
    };
    const RealWorker = window.Worker;
    window.Worker = function Worker(url, options) {
      const worker = new RealWorker(url, options);
      if (/report_worker/.test(String(url))) {
        const seen = { messages: 0 };
        window.reportWorkers.push(seen);
        worker.addEventListener('message', () => { seen.messages += 1; });
      }
      return worker;
    };
  });
  // Reaching the button writes the JSON: the export's worker starts, says it is ready, then answers.
  await page.locator('#report-download').hover();
  await page.waitForFunction(() => window.reportWorkers.some((w) => w.messages >= 2));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#report-download').click()]);
  expect(download.suggestedFilename()).toBe('local-or-cloud.json');
  const clicks = await page.evaluate(() => window.clicks);
  expect(clicks).toHaveLength(1);
  expect(clicks[0].inClick).toBe(true);
  const text = await page.evaluate(async (href) => (await fetch(href)).text(), clicks[0].href);
  expect(JSON.parse(text).recommendation.verdict).toBe('local');
  await expect(page.locator('#report-status')).toHaveText('Markdown report downloaded.');
});

test('a report whose worker never answers is reported and loses nothing', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await breakWorkers(page, /report_worker_loader\.js/);
  await page.goto('./?privacy=device_only&model_size=small');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  await page.locator('#report-copy').click();
  // The worker's wait (20 s) passes without an answer.
  await expect(page.locator('#report-status')).toHaveText(
    "Could not copy: the report's background worker did not answer; reload the page and try again.",
    { timeout: 30_000 },
  );
  await expect(result(page)).toHaveAttribute('data-verdict', 'local');
  await expect(page.locator('input[name="privacy"][value="device_only"]')).toBeChecked();
  await expect(page.locator('input[name="model_size"][value="small"]')).toBeChecked();
});

test('a report worker that crashes is reported at once, and the next report starts a fresh one', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await breakWorkers(page, /report_worker_loader\.js/, { throws: true });
  await page.goto('./?privacy=device_only&model_size=small');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  const started = await page.evaluate(() => {
    const RealWorker = window.Worker;
    window.startedWorkers = 0;
    window.Worker = function Worker(url, options) {
      window.startedWorkers += 1;
      return new RealWorker(url, options);
    };
    return window.startedWorkers;
  });
  expect(started).toBe(0);
  await page.locator('#report-copy').click();
  // The worker's error event, not its 20 s wait: well within the default 5 s.
  await expect(page.locator('#report-status')).toHaveText(
    "Could not copy: the report's background worker stopped with an error; reload the page and try again.",
  );
  await page.locator('#report-download').click();
  await expect(page.locator('#report-status')).toHaveText(
    "Could not download: the report's background worker stopped with an error; reload the page and try again.",
  );
  // The crash ended the worker: the download's request started a fresh one.
  expect(await page.evaluate(() => window.startedWorkers)).toBeGreaterThanOrEqual(2);
  await expect(page.locator('input[name="privacy"][value="device_only"]')).toBeChecked();
});

for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [390, 'light'], [390, 'dark']]) {
  test(`axe-core finds no accessibility violations at ${width} px, ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?privacy=personal&model_size=large&resources=mixed&connectivity=intermittent&cost=balanced');
    await expect(page.locator('#hybrid-mode')).toBeVisible();
    await expect(page.locator('#flips a').first()).toBeVisible();
    await page.locator('details.reasons summary').click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}

for (const width of [360, 390, 1280]) {
  test(`the page fits ${width} px without horizontal scrolling`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?privacy=personal&model_size=large&resources=mixed&connectivity=intermittent');
    // The app has taken over the prerendered page (the analyzer waits for its box).
    await expect(page.locator('html')).toHaveAttribute('data-app', /.*/, { timeout: 60_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Narrow screens keep the verdict in view with a bar; wide ones show the result beside the questions.
    const bar = page.locator('.verdict-bar');
    if (width < 900) {
      await expect(bar).toBeVisible();
      await expect(bar).toContainText('Use both: a hybrid');
    } else {
      await expect(bar).toBeHidden();
    }
    await page.screenshot({ path: testInfo.outputPath(`advisor-${width}.png`), fullPage: true });
  });
}

test('nothing shifts once the page has rendered', async ({ page }) => {
  const layoutShifts = await watchLayoutShifts(page);
  await page.goto('./?privacy=personal&model_size=large&resources=mixed');
  // The app has taken over the prerendered page (the analyzer waits for its box), and the
  // last parts to arrive, the fit table from the fit worker and the verdict's details from the
  // report worker, are in.
  await expect(page.locator('html')).toHaveAttribute('data-app', /.*/, { timeout: 60_000 });
  await expect(page.locator('#fit-table')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('#stacks')).toBeAttached({ timeout: 30_000 });
  const shifts = await layoutShifts();
  expect(shifts).toEqual([]);
});
