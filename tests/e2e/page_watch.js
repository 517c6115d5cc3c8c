// Helpers the specs share for watching a page load: its layout shifts, and holding back the
// app's bundle so a test can act on the prerendered page before the app takes it over.

// Starts recording layout shifts not caused by input, from the first paint on; call before goto.
async function watchLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => window.__shifts);
}

// Holds the app's wasm until the returned function is called; call before goto.
async function holdAppBundle(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/app-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

module.exports = { watchLayoutShifts, holdAppBundle };
