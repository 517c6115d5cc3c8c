// Local or Cloud's embed script, for documentation pages. Include it once and mark placeholders:
//
//   <div data-local-or-cloud data-answers="privacy=regulated&connectivity=offline"
//        data-theme="dark" data-min-height="480" data-max-height="1600"></div>
//   <script src="https://example.org/tools/advisor/embed.js" async></script>
//
// Each placeholder becomes a sandboxed iframe of the advisor that sits next to this script. The
// frame starts at its minimum height, so nothing on the page shifts, and then follows the
// advisor's `resize` messages. Each `result` message is set on the placeholder as data-verdict
// and dispatched from it as a `local-or-cloud:result` event, so the page can react.
// Messages are accepted only from the advisor's origin and from the frame this script made.
// Without data-theme (or with data-theme="auto") a frame follows the page's colour scheme as it
// changes; a page can also set it: window.localOrCloud.setTheme('dark' | 'light' | null).
(function () {
  'use strict';
  var PROTOCOL = 'local-or-cloud';
  var VERSION = 1;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('./', script.src);
  var advisorOrigin = base.origin;
  var sameOrigin = advisorOrigin === location.origin;
  var mounted = [];
  var forcedTheme = null;

  // The page's colour scheme: set by the page itself, else Docusaurus' data-theme on <html>,
  // furo's on <body>, MkDocs Material's data-md-color-scheme, the root's color-scheme, and
  // last the system's.
  function hostTheme() {
    if (forcedTheme) return forcedTheme;
    var html = document.documentElement;
    var body = document.body;
    var named = html.getAttribute('data-theme') || (body && body.getAttribute('data-theme'));
    if (named === 'dark' || named === 'light') return named;
    var material = body && body.getAttribute('data-md-color-scheme');
    if (material) return material === 'slate' ? 'dark' : 'light';
    var scheme = (getComputedStyle(html).colorScheme || '').trim();
    if (scheme === 'dark' || scheme === 'light') return scheme;
    return window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function postTheme(entry) {
    if (!entry.follows || !entry.frame.contentWindow) return;
    // A same-origin advisor runs with an opaque origin, which only '*' reaches; a theme is no secret.
    entry.frame.contentWindow.postMessage(
      { protocol: PROTOCOL, version: VERSION, type: 'theme', theme: hostTheme() },
      sameOrigin ? '*' : advisorOrigin
    );
  }

  function postThemes() {
    for (var i = 0; i < mounted.length; i++) postTheme(mounted[i]);
  }

  function pixels(value, fallback) {
    var n = parseInt(value, 10);
    return n > 0 ? n : fallback;
  }

  // The placeholder's attributes: the host's settings, and what this script sets itself.
  var KNOWN = ['data-local-or-cloud', 'data-local-or-cloud-mounted', 'data-answers', 'data-describe',
    'data-theme', 'data-min-height', 'data-max-height', 'data-title', 'data-verdict'];

  function mount(holder) {
    if (holder.hasAttribute('data-local-or-cloud-mounted')) return;
    holder.setAttribute('data-local-or-cloud-mounted', '');
    var min = pixels(holder.getAttribute('data-min-height'), 480);
    var max = Math.max(min, pixels(holder.getAttribute('data-max-height'), 4000));
    var params = new URLSearchParams(holder.getAttribute('data-answers') || '');
    var describe = holder.getAttribute('data-describe');
    if (describe) params.set('describe', describe);
    // An attribute this script does not know reaches the frame as a link parameter of the same
    // name, so the advisor names it the way it names a bad link, and everything else applies.
    for (var i = 0; i < holder.attributes.length; i++) {
      var name = holder.attributes[i].name;
      if (name.indexOf('data-') === 0 && KNOWN.indexOf(name) < 0) {
        params.append(name, holder.attributes[i].value);
      }
    }
    params.set('embed', '1');
    params.set('host', location.origin);
    var theme = holder.getAttribute('data-theme');
    var follows = theme !== 'light' && theme !== 'dark';
    // The page's scheme now, so the frame paints in it; later changes come as messages.
    params.set('theme', follows ? hostTheme() : theme);
    var src = new URL(base.href);
    src.search = params.toString();

    var frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = holder.getAttribute('data-title') || 'Local or Cloud: where should this AI feature run?';
    // Scripts and the advisor's own origin together would let a same-origin frame lift its
    // sandbox, so a same-origin advisor runs with an opaque origin (no storage, no analyzer).
    var sandbox = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads';
    if (!sameOrigin) sandbox += ' allow-same-origin';
    frame.setAttribute('sandbox', sandbox);
    frame.setAttribute('allow', 'clipboard-write');
    frame.style.cssText = 'display:block;width:100%;border:0;height:' + min + 'px;min-height:' + min + 'px';
    holder.style.minHeight = min + 'px';
    holder.replaceChildren(frame);
    var entry = { frame: frame, holder: holder, min: min, max: max, follows: follows };
    frame.addEventListener('load', function () { postTheme(entry); });
    mounted.push(entry);
  }

  function entryFor(source) {
    for (var i = 0; i < mounted.length; i++) {
      if (mounted[i].frame.contentWindow === source) return mounted[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    // A same-origin advisor runs sandboxed with an opaque origin, which posts as "null".
    var origin = event.origin === advisorOrigin || (sameOrigin && event.origin === 'null');
    var entry = origin && entryFor(event.source);
    var data = event.data;
    if (!entry || !data || data.protocol !== PROTOCOL || data.version !== VERSION) return;
    if (data.type === 'resize' && typeof data.height === 'number' && isFinite(data.height)) {
      var height = Math.min(entry.max, Math.max(entry.min, Math.ceil(data.height)));
      entry.frame.style.height = height + 'px';
    } else if (data.type === 'result' && /^(local|cloud|hybrid)$/.test(data.verdict)) {
      entry.holder.setAttribute('data-verdict', data.verdict);
      entry.holder.dispatchEvent(new CustomEvent('local-or-cloud:result', {
        bubbles: true,
        detail: {
          verdict: data.verdict,
          confidence: data.confidence,
          hybrid: data.hybrid,
          answered: data.answered,
        },
      }));
    }
  });

  function mountAll() {
    var holders = document.querySelectorAll('[data-local-or-cloud]');
    for (var i = 0; i < holders.length; i++) mount(holders[i]);
  }
  function start() {
    mountAll();
    // Docs sites that navigate without reloading (Docusaurus, MkDocs Material's instant
    // loading) add placeholders long after this script ran.
    new MutationObserver(mountAll).observe(document.body, { childList: true, subtree: true });
    // Theme toggles change an attribute on <html> or <body>, or the system's scheme.
    var themed = { attributes: true, attributeFilter: ['data-theme', 'data-md-color-scheme', 'class', 'style'] };
    new MutationObserver(postThemes).observe(document.documentElement, themed);
    new MutationObserver(postThemes).observe(document.body, themed);
    if (window.matchMedia) {
      var dark = matchMedia('(prefers-color-scheme: dark)');
      if (dark.addEventListener) dark.addEventListener('change', postThemes);
    }
  }
  window.localOrCloud = window.localOrCloud || {};
  window.localOrCloud.setTheme = function (theme) {
    forcedTheme = theme === 'dark' || theme === 'light' ? theme : null;
    postThemes();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
