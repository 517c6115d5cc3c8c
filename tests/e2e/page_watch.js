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
// worker is broken from the page instead: the workers whose script matches `pattern` run a
// script that throws, as a worker whose script failed to load or whose wasm trapped, and never
// answer. gloo-worker starts each worker from a blob that imports the real script, so the
// blob's text is what names it.
async function breakWorkers(page, pattern) {
  await page.addInitScript((source) => {
    const broken = URL.createObjectURL(new Blob(['throw new Error("broken worker")'], { type: 'application/javascript' }));
    const matches = new RegExp(source);
    const texts = new Map();
    const RealBlob = window.Blob;
    window.Blob = function Blob(parts, options) {
      const blob = new RealBlob(parts, options);
      blob.scriptText = (parts || []).filter((part) => typeof part === 'string').join('');
      return blob;
    };
    window.Blob.prototype = RealBlob.prototype;
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = function (object) {
      const url = createObjectURL.call(URL, object);
      if (object && object.scriptText !== undefined) texts.set(url, object.scriptText);
      return url;
    };
    const RealWorker = window.Worker;
    window.Worker = function Worker(url, options) {
      const script = String(url) + ' ' + (texts.get(String(url)) || '');
      return new RealWorker(matches.test(script) ? broken : url, options);
    };
  }, pattern.source);
}

module.exports = { watchLayoutShifts, holdAppBundle, breakWorkers };
