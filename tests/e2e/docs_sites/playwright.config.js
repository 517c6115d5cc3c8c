// The docs-site judge's own Playwright config: `cargo xtask docs-sites` builds the sites, serves
// them and runs this; the normal end-to-end suite never runs the judge (its spec defines no test
// without DOCS_SITES). Debian's Chromium, a fresh profile per run, no browser download.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: '.',
  testMatch: /docs_sites\.spec\.js$/,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // One browser at a time: the first-view and layout-shift figures are timings on 2 cores.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  outputDir: process.env.DOCS_SITES_OUTPUT || 'test-results',
  use: {
    headless: true,
    // The judge checks that the embed registers no service worker, so workers are allowed.
    serviceWorkers: 'allow',
    colorScheme: 'light',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
