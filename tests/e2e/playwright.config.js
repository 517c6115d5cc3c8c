// Playwright runs against the release build that `cargo xtask test` serves on loopback (BASE_URL),
// in Debian's Chromium: no browser is ever downloaded.
const { defineConfig } = require('@playwright/test');

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const launch = (extra) => ({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [...chromiumArgs, ...extra],
});

module.exports = defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.js$/,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // One retry under CI: a test that fails and then passes is reported by name as flaky in
  // `cargo xtask test`'s summary (and counted as passed); locally every failure stays a failure.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json']],
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results',
  use: {
    baseURL: process.env.BASE_URL || 'http://127.0.0.1:8081/',
    headless: true,
    launchOptions: launch([]),
    // The service worker takes over a first visit's page, and then answers its workers'
    // requests itself, out of the tests' page.route reach; the offline and embedding tests
    // allow it again (test.use).
    serviceWorkers: 'block',
  },
  // Headless Chromium has no WebGPU adapter unless started with --enable-unsafe-webgpu, which
  // gives it SwiftShader's; the device tests run in both modes.
  projects: [
    { name: 'chromium' },
    {
      name: 'chromium-webgpu',
      testMatch: /device\.spec\.js$/,
      use: { launchOptions: launch(['--enable-unsafe-webgpu']) },
    },
  ],
});
