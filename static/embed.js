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

  function pixels(value, fallback) {
    var n = parseInt(value, 10);
    return n > 0 ? n : fallback;
  }

  function mount(holder) {
    if (holder.hasAttribute('data-local-or-cloud-mounted')) return;
    holder.setAttribute('data-local-or-cloud-mounted', '');
    var min = pixels(holder.getAttribute('data-min-height'), 480);
    var max = Math.max(min, pixels(holder.getAttribute('data-max-height'), 4000));
    var params = new URLSearchParams(holder.getAttribute('data-answers') || '');
    params.set('embed', '1');
    params.set('host', location.origin);
    var theme = holder.getAttribute('data-theme');
    if (theme === 'light' || theme === 'dark') params.set('theme', theme);
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
    mounted.push({ frame: frame, holder: holder, min: min, max: max });
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
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
