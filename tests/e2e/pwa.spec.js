// Offline and installable: the manifest, the service worker's precache, the whole advisor offline
// after one visit, the update offer after a new deployment, and hosting under a sub-path.
// PWA_URL serves a copy of the build that these tests may redeploy; SUBPATH_URL serves the build
// under /tools/advisor/.
const { test, expect } = require('@playwright/test');

test.use({ serviceWorkers: 'allow' });
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PWA_URL = process.env.PWA_URL;
const PWA_DIR = process.env.PWA_DIR;
const SUBPATH_URL = process.env.SUBPATH_URL;

// Resolves once a service worker is active for the page's scope, and returns that scope.
const activeScope = (page) =>
  page.evaluate(async () => (await navigator.serviceWorker.ready).scope);

test('the manifest names the app, its icons and a relative start URL and scope', async ({ page, request }) => {
  await page.goto(PWA_URL);
  const href = await page.locator('link[rel="manifest"]').evaluate((link) => link.href);
  const manifest = await (await request.get(href)).json();
  expect(manifest.short_name).toBe('Local or Cloud');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, href).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()['content-type']).toBe('image/png');
  }
});

// The files of the build, relative to it, but the service worker itself.
function builtFiles() {
  const built = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else built.push(path.relative(PWA_DIR, full).split(path.sep).join('/'));
    }
  };
  walk(PWA_DIR);
  return built.filter((file) => file !== 'sw.js').sort();
}

// The heavy parts: the analyzer's and benchmark's worker and model, the cloud worker, the icons.
const onDemand = (file) => /^(worker|cloud_worker|report_worker|fit_worker|models\/|icons\/|embed\.js|data\/models\.json|data\/fleet\.json)/.test(file);

const cachedFiles = (page) => page.evaluate(async () => {
  const names = await caches.keys();
  const cache = await caches.open(names.find((name) => name.startsWith('local-or-cloud-')));
  return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
});

test('the service worker precaches the light files, and the heavy ones when first used', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname.slice(1)));
  await page.goto(PWA_URL);
  await activeScope(page);
  const built = builtFiles();
  const light = built.filter((file) => !onDemand(file));
  expect(light).toEqual(expect.arrayContaining(['index.html', 'data/prices.json']));
  expect(light.some((file) => /^app-[0-9a-f]+_bg\.wasm$/.test(file))).toBe(true);
  await expect.poll(() => cachedFiles(page)).toEqual(expect.arrayContaining(light));
  // Nothing heavy was fetched without interaction (a browser may fetch the install icons), and
  // the page says what is not yet offline.
  const analyzerParts = (file) => /^(worker|cloud_worker|models\/)/.test(file);
  expect(fetched.filter(analyzerParts)).toEqual([]);
  expect((await cachedFiles(page)).filter(analyzerParts)).toEqual([]);
  const status = page.locator('#offline-status');
  await expect(status).toContainText('Not yet available offline: the description analyzer');
  // Using the description box fetches the analyzer, and the service worker keeps it.
  await page.locator('#describe-text').focus();
  await expect(page.locator('#inference-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect.poll(() => cachedFiles(page)).toEqual(expect.arrayContaining(['worker_bg.wasm', 'models/analyzer.onnx']));
  await expect(status).toContainText('A few files');
  // "Make available offline" caches the rest.
  await page.locator('#offline-fetch').click();
  await expect(status).toHaveText('Everything here works offline on this device.');
  expect(await cachedFiles(page)).toEqual(built);
});

test('after one visit the whole advisor works offline', async ({ page, context }) => {
  await page.goto(PWA_URL);
  await activeScope(page);
  // The first visit's own downloads (the worker's wasm, the model) must be over before the
  // listener below starts, or a late network response of that visit is counted as the reload's.
  // The analyzer's worker and model are fetched when the box is first used.
  await page.locator('#describe-text').focus();
  await expect(page.locator('#inference-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await context.setOffline(true);
  const served = [];
  page.on('response', (response) => {
    // gloo-worker starts the worker from a blob: URL, which is never fetched from anywhere.
    const url = new URL(response.url());
    if (url.protocol !== 'blob:') served.push([url.pathname, response.fromServiceWorker()]);
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await expect(page.locator('#questionnaire')).toBeVisible();
  // The connectivity question says what the visitor is living through.
  await expect(page.locator('#offline-now')).toContainText('offline right now');
  // The cloud panel says it is offline instead of failing.
  await expect(page.locator('#cloud-status')).toHaveAttribute('data-state', 'offline');
  await expect(page.locator('#cloud-run')).toBeDisabled();
  await page.locator('input[name="privacy"][value="regulated"]').check();
  await page.locator('input[name="connectivity"][value="offline"]').check();
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'local');
  await expect(page.locator('#device')).toBeVisible();
  // The analyzer's worker, its wasm and the model all come from the cache.
  await page.locator('#describe-text').focus();
  await expect(page.locator('#inference-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page.locator('#describe-text').fill('Summarize patient notes on clinic laptops that are often offline');
  await page.locator('#analyze').click();
  await expect(page.locator('#analysis')).toBeVisible({ timeout: 30_000 });
  // The page and the app's bundle came from the service worker's cache, not the network.
  const fromCache = (test) => served.filter(([p]) => test.test(p)).map(([, sw]) => sw);
  expect(fromCache(/^\/$/)).toEqual([true]);
  expect(fromCache(/_bg\.wasm$/)).toContain(true);
  expect(served.filter(([, sw]) => !sw)).toEqual([]);
  await context.setOffline(false);
});

test('a new deployment is offered as a reload and the answers survive it', async ({ page }) => {
  await page.goto(PWA_URL);
  await activeScope(page);
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.locator('input[name="latency"][value="realtime"]').check();
  await page.locator('#describe-text').fill('Caption photos while the camera is open');
  await expect(page.locator('#update-banner')).toBeHidden();

  // A new deployment: index.html changes, and the precache hook rewrites the service worker.
  const index = path.join(PWA_DIR, 'index.html');
  // A marker of its own replaces any earlier run's, so a retry (or --repeat-each) also makes a
  // new deployment rather than the one it already serves.
  const deployment = String(Date.now());
  const html = fs.readFileSync(index, 'utf8').replace(/<meta name="deployment"[^>]*>/g, '');
  fs.writeFileSync(index, html.replace('</head>', `<meta name="deployment" content="${deployment}"></head>`));
  execFileSync(process.env.LOC_XTASK, ['precache', PWA_DIR]);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  const banner = page.locator('#update-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('A new version of Local or Cloud is ready');
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.locator('#questionnaire')).toBeVisible();
  await expect(page.locator('meta[name="deployment"]')).toHaveAttribute('content', deployment);
  await expect(page.locator('#update-banner')).toBeHidden();
  await expect(page.locator('input[name="latency"][value="realtime"]')).toBeChecked();
  await expect(page.locator('#describe-text')).toHaveValue('Caption photos while the camera is open');
});

test('the app works from a sub-path: files, worker, manifest and service worker follow', async ({ page }) => {
  expect(new URL(SUBPATH_URL).pathname).toBe('/tools/advisor/');
  const failed = [];
  page.on('response', (response) => {
    if (!response.ok()) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(SUBPATH_URL + '?privacy=regulated&connectivity=offline');
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'local');
  // The analyzer's worker and model are fetched when the box is first used.
  await page.locator('#describe-text').focus();
  await expect(page.locator('#inference-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(await activeScope(page)).toBe(SUBPATH_URL);
  const manifest = await page.locator('link[rel="manifest"]').evaluate((link) => link.href);
  expect(manifest).toBe(SUBPATH_URL + 'manifest.webmanifest');
  expect(failed).toEqual([]);
});
