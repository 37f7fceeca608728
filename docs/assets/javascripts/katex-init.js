// Render the math that pymdownx.arithmatex (generic: true) leaves in the page:
//   inline  <span class="arithmatex">\( ... \)</span>
//   display <div class="arithmatex">\[ ... \]</div>
// Only those elements are touched, so a "$" in prose or code is never math.
// KaTeX is vendored (docs/assets/vendor/katex/): no network is needed.
// A formula KaTeX cannot parse is logged with console.error, so the browser
// test (which fails on console errors) catches it; the TeX source stays visible.
(function () {
  "use strict";

  function stripDelimiters(text) {
    var t = text.trim();
    var pairs = [["\\(", "\\)"], ["\\[", "\\]"], ["$$", "$$"], ["$", "$"]];
    for (var i = 0; i < pairs.length; i++) {
      var open = pairs[i][0], close = pairs[i][1];
      if (t.length >= open.length + close.length &&
          t.slice(0, open.length) === open && t.slice(-close.length) === close) {
        return t.slice(open.length, t.length - close.length);
      }
    }
    return t;
  }

  function renderMath(root) {
    var nodes = root.querySelectorAll(".arithmatex");
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      if (el.getAttribute("data-katex-done")) continue;
      var tex = stripDelimiters(el.textContent);
      try {
        katex.render(tex, el, {
          displayMode: el.tagName === "DIV",
          throwOnError: true,
          output: "htmlAndMathml"
        });
        el.setAttribute("data-katex-done", "1");
      } catch (err) {
        console.error("KaTeX could not render " + JSON.stringify(tex) + ": " + err.message);
      }
    }
  }

  // Material re-emits document$ on every page change; without instant
  // navigation that is once per load, but subscribing keeps it correct either way.
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { renderMath(document.body); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { renderMath(document.body); });
  }
})();
