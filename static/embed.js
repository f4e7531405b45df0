// Eligo embed helper, for the city's own page (the host). Optional: without it the widget still works in an
// iframe of fixed height. With it, the iframe takes the height of its content.
//
//   <iframe data-eligo src="https://aides.example.fr/?embed=1&territory=chenove&host=https://www.example.fr"
//           title="Aides locales : vérifier mes droits" width="100%" height="900"></iframe>
//   <script src="https://aides.example.fr/embed.js" async></script>
//
// Or let this script add the host's origin itself (`data-eligo-src` instead of `src`).
// It only ever reads one kind of message: {type: 'eligo:height', height} from the widget's own origin and from
// that very iframe. It sends nothing to the widget and reads nothing of what the resident types.
(function () {
  'use strict';
  var MIN = 200;
  var MAX = 20000;

  function setUp(frame) {
    if (frame.getAttribute('data-eligo-ready')) return;
    frame.setAttribute('data-eligo-ready', '1');
    var wanted = frame.getAttribute('data-eligo-src');
    if (wanted && !frame.getAttribute('src')) {
      var url = new URL(wanted, document.baseURI);
      url.searchParams.set('host', window.location.origin);
      if (!url.searchParams.has('embed')) url.searchParams.set('embed', '1');
      frame.src = url.href;
    }
    var origin;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch (error) {
      return;
    }
    window.addEventListener('message', function (event) {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || data.type !== 'eligo:height') return;
      var height = Number(data.height);
      if (!isFinite(height)) return;
      height = Math.min(MAX, Math.max(MIN, Math.ceil(height)));
      frame.style.height = height + 'px';
      frame.setAttribute('data-eligo-height', String(height));
    });
  }

  function setUpAll() {
    var frames = document.querySelectorAll('iframe[data-eligo]');
    for (var i = 0; i < frames.length; i++) setUp(frames[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUpAll);
  else setUpAll();
})();
