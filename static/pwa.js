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

  function register() {
    container.register('sw.js', { scope: './' }).then(function (registration) {
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
