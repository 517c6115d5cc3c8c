// Helpers the specs share for watching a page load: its layout shifts, holding back the app's
// bundle so a test can act on the prerendered page before the app takes it over, and breaking
// a background worker.

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


// Chromium does not route a dedicated worker's importScripts (microsoft/playwright#6403), so a
// worker is broken from the page instead: the workers whose script URL matches `pattern` run
// another script. By default it loads and never answers, like a worker whose wasm never
// started or hung; with `{ throws: true }` it throws at once, like a script that failed to
// load or a wasm trap, which the page hears as the worker's `error` event.
async function breakWorkers(page, pattern, { throws = false } = {}) {
  await page.addInitScript(([source, throwing]) => {
    const text = throwing ? 'throw new Error("broken worker")' : '/* never answers */';
    const broken = URL.createObjectURL(new Blob([text], { type: 'application/javascript' }));
    const matches = new RegExp(source);
    const RealWorker = window.Worker;
    window.Worker = function Worker(url, options) {
      return new RealWorker(matches.test(String(url)) ? broken : url, options);
    };
  }, [pattern.source, throws]);
}

module.exports = { watchLayoutShifts, holdAppBundle, breakWorkers };
