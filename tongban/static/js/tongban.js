// Tongban behaviour: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";

  document.documentElement.classList.add("tb-js");

  // Home-page category tabs: without JS they are jump links to stacked sections; with JS, real tabs.
  function initTabs(nav) {
    var links = Array.prototype.slice.call(nav.querySelectorAll("a.tb-tab"));
    var panels = links.map(function (link) { return document.getElementById(link.getAttribute("href").slice(1)); });
    if (panels.some(function (p) { return !p; })) { return; }
    nav.setAttribute("role", "tablist");

    function select(index, focus) {
      links.forEach(function (link, i) {
        var selected = i === index;
        link.setAttribute("aria-selected", selected ? "true" : "false");
        link.setAttribute("tabindex", selected ? "0" : "-1");
        panels[i].hidden = !selected;
      });
      if (focus) { links[index].focus(); }
    }

    links.forEach(function (link, i) {
      link.setAttribute("role", "tab");
      link.id = link.id || "tb-tab-" + panels[i].id;
      link.setAttribute("aria-controls", panels[i].id);
      panels[i].setAttribute("role", "tabpanel");
      panels[i].setAttribute("aria-labelledby", link.id);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        select(i, false);
        if (history.replaceState) { history.replaceState(null, "", "#" + panels[i].id); }
      });
      link.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") { next = (i + 1) % links.length; }
        if (event.key === "ArrowLeft") { next = (i - 1 + links.length) % links.length; }
        if (event.key === "Home") { next = 0; }
        if (event.key === "End") { next = links.length - 1; }
        if (next !== null) { event.preventDefault(); select(next, true); }
      });
    });

    var initial = panels.findIndex(function (p) { return "#" + p.id === window.location.hash; });
    select(initial >= 0 ? initial : 0, false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-tabs]"), initTabs);

    // The print button needs JS, so it stays hidden without it (browsers have their own print command).
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
