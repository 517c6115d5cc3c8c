// The device panel: probes, the "can this device run it?" table, the capability report, and
// the profile standing in for the hardware answer. Runs with and without a WebGPU adapter.
const { test, expect } = require('@playwright/test');

const withWebGpu = (testInfo) => testInfo.project.name === 'chromium-webgpu';
const row = (page, model, precision) =>
  page.locator(`#fit-table tr[data-model="${model}"][data-precision="${precision}"]`);

test('the panel shows the cores, memory and WebGPU state this browser reports', async ({ page }, testInfo) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  const truth = await page.evaluate(async () => {
    const adapter = navigator.gpu ? await navigator.gpu.requestAdapter() : null;
    return {
      cores: navigator.hardwareConcurrency,
      memory: navigator.deviceMemory,
      adapter: adapter && { vendor: adapter.info.vendor, fallback: adapter.info.isFallbackAdapter, binding: adapter.limits.maxStorageBufferBindingSize },
    };
  });
  await expect(page.locator('#device-logical-cpu-cores')).toHaveText(String(truth.cores));
  await expect(page.locator('#device-device-memory')).toContainText(`about ${truth.memory} GiB`);
  const webgpu = page.locator('#device-webgpu');
  if (withWebGpu(testInfo)) {
    expect(truth.adapter).not.toBeNull();
    await expect(webgpu).toContainText(truth.adapter.vendor);
    await expect(webgpu).toContainText('(fallback adapter)');
    await expect(page.locator('#device-webgpu-features')).toContainText('timestamp-query');
    const gib = (truth.adapter.binding / 2 ** 30).toFixed(1);
    await expect(page.locator('#device-webgpu-limits')).toContainText(`maxStorageBufferBindingSize ${gib} GiB`);
  } else {
    expect(truth.adapter).toBeNull();
    await expect(webgpu).toHaveText('the API is present, but the browser gave no adapter');
    await expect(page.locator('#device-webgpu-limits')).toHaveCount(0);
  }
  await expect(page.locator('#device-webgl-renderer')).toContainText('SwiftShader');
  await expect(page.locator('#device-webnn')).toContainText('not exposed by this browser');
  await expect(page.locator('#device-built-in-model-prompt-api')).not.toHaveText('checking…');
  await expect(page.locator('#device-storage')).toContainText('quota');
  await expect(page.locator('#device-webassembly')).toContainText('SIMD yes');
  await expect(page.locator('#device-class')).toHaveAttribute('data-resources', /^(low_end|mainstream|gpu)$/);
  expect(errors).toEqual([]);
});

test('going offline and back updates the network state', async ({ page, context }) => {
  await page.goto('./');
  const network = page.locator('#device-network');
  await expect(network).toContainText(/^online/);
  await context.setOffline(true);
  await expect(network).toContainText(/^offline/);
  await context.setOffline(false);
  await expect(network).toContainText(/^online/);
});

// The list the table is written from: the committed data file.
const modelList = JSON.parse(require('fs').readFileSync(require('path').join(__dirname, '../../static/data/models.json'), 'utf8'));
const placed = modelList.models.filter((m) => m.shape).length;

test('the fit table judges every listed model, at the weights chosen, beside WebLLM\'s figure', async ({ page }, testInfo) => {
  await page.goto('./');
  await expect(page.locator('#fit-table tbody tr')).toHaveCount(modelList.models.length);
  expect(placed).toBeGreaterThanOrEqual(30);
  await expect(page.locator('#fit-table tbody tr[data-tokens-per-s]')).toHaveCount(placed);
  await expect(page.locator('#fit-source')).toContainText(`WebLLM's prebuilt list ${modelList.version}`);
  const small = row(page, 'Qwen2.5 0.5B', '4-bit');
  await expect(small).toHaveAttribute('data-verdict', 'fits');
  // 0.42 GB at 4096 tokens (worked by hand in tests/device_fit.rs) is 0.4 GiB; WebLLM's
  // q4f16_1 build needs 944.62 MiB, 0.9 GiB.
  await expect(small.locator('td.num').first()).toHaveText('0.4');
  await expect(small.locator('td[data-label="WebLLM (GiB)"]')).toHaveText('0.9');
  await expect(small).toHaveAttribute('data-speed-source', 'assumed');
  // A model the speed model cannot place is listed for memory only, and says why.
  const deltaNet = row(page, 'Qwen3.5 0.8B', '4-bit');
  await expect(deltaNet).toHaveAttribute('data-verdict', 'memory_only');
  await expect(deltaNet).toContainText('Gated DeltaNet');
  await page.locator('#fit-weights').selectOption('16-bit');
  const phi = row(page, 'Phi-3.5-mini (3.8B)', '16-bit');
  const before = await phi.locator('td.num').first().textContent();
  await page.locator('#fit-context').selectOption('32768');
  await expect(phi.locator('td.num').first()).not.toHaveText(before);
  const big = row(page, 'Qwen2.5 7B', '16-bit');
  if (withWebGpu(testInfo)) {
    // SwiftShader's 1 GiB storage-buffer limit is smaller than Qwen 7B's 16-bit embedding table.
    await expect(big).toHaveAttribute('data-verdict', 'wont_run');
    await expect(big).toContainText('largest weight tensor');
  } else {
    await expect(big).toHaveAttribute('data-verdict', 'wont_run');
    await expect(big).toContainText('4 GiB');
  }
  await expect(page.locator('#fit-assumption')).toContainText('an estimate, not a measurement');
});

test('the runtime follows the tooling answer: a Windows app is judged natively, without WebAssembly\'s 4 GiB', async ({ page }) => {
  await page.goto('./?tooling=windows');
  await expect(page.locator('#fit-runtime')).toHaveValue('native-cpu');
  const mistral = row(page, 'Mistral 7B v0.2', '4-bit');
  await expect(mistral).toHaveAttribute('data-runtime', 'native-cpu');
  // Headless Chromium reports 8 GB: 6 GiB for a native app, so 4.7 GiB is tight, not "won't run".
  await expect(mistral).not.toHaveAttribute('data-verdict', 'wont_run');
  await expect(mistral).toContainText('a native app may use');
  await expect(mistral).toHaveAttribute('data-speed-source', 'not_estimated');
  await expect(page.locator('#fit-assumption')).toContainText('Measure this device for a native app');
  // The same model in the browser's WebAssembly runtime: the 4 GiB limit applies.
  await page.locator('#fit-runtime').selectOption('browser-cpu');
  const inBrowser = page.locator('#fit-table tr[data-model="Mistral 7B v0.2"][data-runtime="browser-cpu"]');
  await expect(inBrowser).toHaveAttribute('data-verdict', 'wont_run');
  await expect(inBrowser).toContainText('4 GiB');
});

test('a model list that cannot be read leaves the built-in models in the table, and says so', async ({ page, context }) => {
  await context.route('**/data/models.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{ "models": [' }));
  await page.goto('./');
  await expect(page.locator('#fit-source')).toContainText('could not be read');
  await expect(page.locator('#fit-source')).toContainText('malformed');
  await expect(page.locator('#fit-table tbody tr')).toHaveCount(11);
  await expect(row(page, 'Qwen2.5 0.5B', '4-bit')).toHaveAttribute('data-verdict', 'fits');
  await page.locator('input[name="privacy"][value="device_only"]').check();
  await expect(page.locator('#result')).toHaveAttribute('data-verdict', 'local');
});

test('"this device" makes the measured class stand in for the hardware answer', async ({ page }) => {
  await page.goto('./?resources=gpu&model_size=large');
  await expect(page.locator('#measured-facts')).toHaveCount(0);
  await page.locator('#this-device').check();
  await expect(page).toHaveURL(/device=this/);
  // The class is known once the WebGPU probe has answered, which may be after the click.
  await expect(page.locator('#device-class')).toHaveAttribute('data-resources', /.+/);
  const resources = await page.locator('#device-class').getAttribute('data-resources');
  await expect(page.locator('#this-device-note')).toContainText(resources.replace('_', '-'));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.locator('#measured-facts')).toContainText(`${cores} logical CPU cores`);
  await expect(page.locator('#reasons li[data-factor="resources"]')).toContainText('Measured on this device');
  await page.reload();
  await expect(page.locator('#this-device')).toBeChecked();
  await page.locator('#this-device').uncheck();
  await expect(page.locator('#measured-facts')).toHaveCount(0);
  await expect(page).not.toHaveURL(/device=this/);
});

test('the capability report holds what the panel shows', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await expect(page.locator('#device-storage')).toContainText('quota');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.locator('#capabilities-copy').click();
  await expect(page.locator('#capabilities-status')).toHaveText('Capability report copied.');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^# Device capability report/);
  expect(markdown).toContain(`- **Logical CPU cores**: ${cores}`);
  expect(markdown).toMatch(/\| Qwen2\.5 0\.5B \| Browser, [^|]+ \| 4-bit \|/);
  expect(markdown).toContain('| Qwen2.5 0.5B | Native app, CPU, ');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#capabilities-download').click()]);
  expect(download.suggestedFilename()).toBe('device-capabilities.json');
  const json = JSON.parse(require('fs').readFileSync(await download.path(), 'utf8'));
  expect(json.profile.cores).toEqual({ state: 'found', value: cores });
  // Every model the speed model can place, at both weights.
  // In this browser and in a native app on the same device.
  expect(json.fits).toHaveLength(4 * placed);
  expect(Object.keys(json).sort()).toEqual(['class', 'context', 'fits', 'measurement', 'memory_formula', 'profile', 'speed_assumption', 'workload']);
});

test('"Measure this device" runs a decoder layer in a worker and the table shows what it measured', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  const llama = row(page, 'Llama 3.2 1B', '4-bit');
  await expect(llama).toHaveAttribute('data-speed-source', 'assumed');
  await page.locator('#measure-device').click();
  await expect(page.locator('#device-bench')).toHaveAttribute('data-state', 'running');
  // The page stays responsive while the worker measures: a question can be answered meanwhile.
  const started = Date.now();
  await page.locator('#fit-context').selectOption('8192');
  expect(Date.now() - started).toBeLessThan(2_000);
  await expect(page.locator('#device-bench')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(llama).toHaveAttribute('data-speed-source', 'measured');
  const speed = Number(await llama.getAttribute('data-tokens-per-s'));
  const request = Number(await llama.getAttribute('data-request-s'));
  console.log(`Llama 3.2 1B 4-bit here: ${speed.toFixed(2)} tokens/s, ${request.toFixed(1)} s per request (extrapolated)`);
  expect(speed).toBeGreaterThan(0);
  expect(request).toBeGreaterThan(0);
  await expect(page.locator('#fit-assumption')).toContainText('Measured here in WebAssembly');
  await expect(page.locator('#fit-assumption')).toContainText(/memory streams at \d+(\.\d)? GB\/s/);
  // The worker measures the GPU too, where the browser gives it an adapter.
  await expect(page.locator('#fit-assumption')).toContainText(
    withWebGpu(testInfo) ? /GPU: \d+(\.\d)? GB\/s in f32/ : 'No GPU figure',
  );
  await page.locator('#capabilities-copy').click();
  // The report is written in a worker: the clipboard holds it once the status says so.
  await expect(page.locator('#capabilities-status')).toHaveText('Capability report copied.');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('(extrapolated)');
  expect(markdown).toContain('Measured here in WebAssembly');
  expect(markdown).toContain('Native app, CPU');
  // Each runtime class, measured: 4-bit rows decode faster than 16-bit ones (the bytes a
  // token reads), and a native app faster than one WebAssembly thread.
  const speeds = {};
  for (const runtime of ['browser-cpu', 'native-cpu']) {
    await page.locator('#fit-runtime').selectOption(runtime);
    for (const weights of ['4-bit', '16-bit']) {
      await page.locator('#fit-weights').selectOption(weights);
      const r = page.locator(`#fit-table tr[data-model="Llama 3.2 1B"][data-runtime="${runtime}"][data-precision="${weights}"]`);
      await expect(r).toHaveAttribute('data-speed-source', 'measured');
      speeds[`${runtime} ${weights}`] = {
        decode: Number(await r.getAttribute('data-tokens-per-s')),
        prefill: Number(await r.getAttribute('data-prefill-tokens-per-s')),
        threads: Number(await r.getAttribute('data-threads')),
      };
    }
  }
  console.log('Llama 3.2 1B, extrapolated here:', JSON.stringify(speeds));
  for (const runtime of ['browser-cpu', 'native-cpu']) {
    expect(speeds[`${runtime} 4-bit`].decode).toBeGreaterThan(speeds[`${runtime} 16-bit`].decode);
    expect(speeds[`${runtime} 4-bit`].prefill).toBeGreaterThan(0);
  }
  expect(speeds['native-cpu 4-bit'].decode).toBeGreaterThan(speeds['browser-cpu 4-bit'].decode);
  expect(speeds['browser-cpu 4-bit'].threads).toBe(1);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(speeds['native-cpu 4-bit'].threads).toBe(cores);
});

test('a GPU that never answers does not hold back the CPU figures', async ({ page }) => {
  test.setTimeout(120_000);
  // The benchmark's worker gets a WebGPU whose adapter request never settles, as a wedged
  // driver's does; the CPU timings must still arrive, without a GPU figure.
  await page.route(/\/worker\.js$/, async (route) => {
    const response = await route.fetch();
    const hang = `(() => {
      const never = () => new Promise(() => {});
      const gpu = { requestAdapter: never };
      Object.defineProperty(WorkerNavigator.prototype, 'gpu', { get: () => gpu, configurable: true });
    })();\n`;
    await route.fulfill({ response, body: hang + (await response.text()) });
  });
  await page.goto('./');
  await page.locator('#measure-device').click();
  await expect(page.locator('#device-bench')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(row(page, 'Llama 3.2 1B', '4-bit')).toHaveAttribute('data-speed-source', 'measured');
  await expect(page.locator('#fit-assumption')).toContainText('No GPU figure');
});

test('a running measurement can be cancelled', async ({ page }) => {
  await page.goto('./');
  await page.locator('#measure-device').click();
  await page.locator('#measure-cancel').click();
  await expect(page.locator('#device-bench')).toHaveAttribute('data-state', 'cancelled');
  await expect(row(page, 'Llama 3.2 1B', '4-bit')).toHaveAttribute('data-speed-source', 'assumed');
});

test('on a phone the device panel is rendered, and the WebGL renderer read, only once it is opened', async ({ page }) => {
  // Creating a WebGL context is slow (over 50 ms with a software renderer), and a closed panel's
  // table re-rendered at every probe, so a visitor who never opens the panel pays for neither
  // while the page starts.
  await page.addInitScript(() => {
    window.__webglContexts = 0;
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      if (String(kind).startsWith('webgl')) window.__webglContexts += 1;
      return getContext.call(this, kind, ...rest);
    };
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
  // The start is over once the analyzer's model has been fetched and nothing else is loading.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('#fold-device')).not.toHaveAttribute('open', /.*/);
  await expect(page.locator('#device-storage')).toHaveCount(0);
  expect(await page.evaluate(() => window.__webglContexts)).toBe(0);
  await page.locator('#fold-device > summary').click();
  await expect(page.locator('#device-storage')).toContainText('quota');
  await expect(page.locator('#device-webgl-renderer')).toContainText('SwiftShader');
  expect(await page.evaluate(() => window.__webglContexts)).toBe(1);
  // Closing and opening again reads nothing more, and the closed panel stays rendered.
  await page.locator('#fold-device > summary').click();
  await expect(page.locator('#device-storage')).toHaveCount(1);
  await page.locator('#fold-device > summary').click();
  await expect(page.locator('#fold-device')).toHaveAttribute('open', /.*/);
  expect(await page.evaluate(() => window.__webglContexts)).toBe(1);
});

test('each row gives the surveyed reach of its model, with its source and date', async ({ page }) => {
  await page.goto('./?tooling=windows');
  await expect(page.locator('#fit-runtime')).toHaveValue('native-cpu');
  const small = page.locator('#fit-table tr[data-model="Llama 3.2 1B"][data-precision="4-bit"]');
  const large = page.locator('#fit-table tr[data-model="Llama 3.1 70B"][data-precision="4-bit"]');
  await expect(small).toHaveAttribute('data-fleet-source', 'survey');
  await expect(small).toHaveAttribute('data-survey-date', /^2026-\d\d$/);
  const share = async (row) => Number(await row.getAttribute('data-local-share'));
  const [a, b] = [await share(small), await share(large)];
  expect(a).toBeGreaterThan(0.9);
  expect(b).toBeGreaterThanOrEqual(0);
  expect(b).toBeLessThan(a);
  await expect(page.locator('#fit-reach')).toContainText("Valve's Steam Hardware & Software Survey (2026-04");
});

test('a wide first view gets its fit table from the fit worker and never fetches the report writers', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname.split('/').pop()));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./');
  await expect(page.locator('#fit-table tbody tr').first()).toBeVisible();
  expect(fetched).toContain('fit_worker_bg.wasm');
  expect(fetched.filter((file) => file.startsWith('report_worker'))).toEqual([]);
});
