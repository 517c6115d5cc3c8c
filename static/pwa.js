// Local or Cloud's page-side offline glue: registers the service worker and, when a new
// deployment has been installed behind the running one, offers the reload. It is plain script
// rather than Rust because it must run even when the app's wasm fails, and it costs the app
// bundle nothing. Answers survive the reload: the app keeps them in the address bar and in
// local storage on every change.
(function () {
  var container;
  try {
    container = navigator.serviceWorker;
  } catch (error) {
    // A sandboxed frame without its own origin may not even look at service workers.
    return;
  }
  if (!container) return;
  // An embedded advisor (embed.js adds embed=1) never installs the offline copy: a docs
  // reader did not ask for it, and a cross-site frame would be refused with a warning anyway.
  if (/(^|[?&])embed=(1|true)(&|$)/.test(location.search)) return;
  var hadController = !!container.controller;
  var reloading = false;

  // Built when needed rather than written in index.html: Yew empties the body when it mounts.
  function offer(waiting) {
    var banner = document.getElementById('update-banner');
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'update-banner';
      banner.className = 'update-banner';
      banner.setAttribute('role', 'status');
      banner.textContent = 'A new version of Local or Cloud is ready. ';
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Reload';
      banner.appendChild(button);
      document.body.appendChild(banner);
    }
    banner.querySelector('button').onclick = function () {
      waiting.postMessage({ type: 'skip-waiting' });
    };
  }

  // The new worker takes over only when the visitor says so; then the page reloads once.
  container.addEventListener('controllerchange', function () {
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });

  // What is not yet available offline (the service worker caches the heavy parts when they
  // are first used), with a button that fetches the rest now.
  function send(type) {
    container.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: type });
    });
  }
  function showOffline(data) {
    var box = document.getElementById('offline-status');
    if (!box) {
      box = document.createElement('p');
      box.id = 'offline-status';
      box.className = 'offline-status muted small';
      box.setAttribute('role', 'status');
      document.body.appendChild(box);
    }
    var missing = data.missing || [];
    box.setAttribute('data-missing', String(missing.length));
    box.textContent = '';
    var heavy = missing.some(function (file) { return /^(worker|models\/)/.test(file); });
    if (!missing.length) {
      box.textContent = 'Everything here works offline on this device.';
    } else {
      box.textContent = (heavy
        ? 'Not yet available offline: the description analyzer and "Measure this device", fetched when first used (about 3 MB). '
        : 'A few files (the cloud worker, the install icons) are not yet available offline. ') +
        (data.error ? 'Fetching them failed (' + data.error + '); what was fetched stays. ' : '');
      var button = document.createElement('button');
      button.type = 'button';
      button.id = 'offline-fetch';
      button.textContent = 'Make available offline';
      button.onclick = function () {
        button.disabled = true;
        button.textContent = 'Fetching…';
        send('cache-all');
      };
      box.appendChild(button);
    }
  }
  container.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'offline-status') showOffline(event.data);
  });
  // Installing the advisor as an app asks for all of it offline.
  window.addEventListener('appinstalled', function () { send('cache-all'); });

  function register() {
    container.register('sw.js', { scope: './' }).then(function (registration) {
      // Some hosts (and test harnesses) refuse service workers without an error.
      if (!registration) return;
      // What this page fetched before the worker ran (the fit table's worker, the analyzer if
      // it was used) is cached now, so it works offline too; the answer is the offline status.
      container.ready.then(function (ready) {
        var used = performance.getEntriesByType('resource').map(function (entry) { return entry.name; });
        // A worker's own fetches are not in the page's timeline: the page shows what ran.
        var status = document.getElementById('inference-status');
        if (document.getElementById('fit-table')) used.push(new URL('fit_worker.js', document.baseURI).href);
        if (document.getElementById('reach')) used.push(new URL('report_worker.js', document.baseURI).href);
        if (status && status.getAttribute('data-state') !== 'idle') used.push(new URL('worker.js', document.baseURI).href);
        if (ready.active) ready.active.postMessage({ type: 'cache-used', urls: used });
      });
      if (registration.waiting && container.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', function () {
        var installing = registration.installing;
        if (!installing) return;
        installing.addEventListener('statechange', function () {
          if (installing.state === 'installed' && container.controller) offer(installing);
        });
      });
      // A tab left open for days still hears of new deployments.
      setInterval(function () {
        registration.update().catch(function () {});
      }, 60 * 60 * 1000);
    }, function (error) {
      console.warn('Local or Cloud will not work offline: ' + error);
    });
  }
  // After the app has taken over the prerendered page (it sets <html data-app>), so precaching
  // never competes with the app's own bundle, which is fetched only after the first paint; at
  // the latest ten seconds after the page loaded, so a page whose app failed still gets it.
  var registered = false;
  function registerOnce() {
    if (registered) return;
    registered = true;
    register();
  }
  function appRuns() {
    return document.documentElement.hasAttribute('data-app');
  }
  function afterLoad() {
    if (appRuns()) return registerOnce();
    var watch = new MutationObserver(function () {
      if (!appRuns()) return;
      watch.disconnect();
      registerOnce();
    });
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-app'] });
    setTimeout(registerOnce, 10000);
  }
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad);
})();
