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

  // Error summary: it takes the focus (autofocus does this without scripts too), and each of its links moves the
  // focus to the field itself, with the field's label or legend scrolled into view above it.
  function initErrorSummary(summary) {
    if (document.activeElement === document.body || document.activeElement === null) { summary.focus(); }
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) { return; }
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) { return; }
      event.preventDefault();
      var fieldset = field.closest("fieldset");
      var label = document.querySelector("label[for='" + field.id + "']");
      var heading = (fieldset && fieldset.querySelector("legend")) || label || field;
      if (field.closest("[hidden]")) { return; }
      heading.scrollIntoView();
      field.focus({preventScroll: true});
    });
  }

  // Copy buttons for values shown short (SHA-256 fingerprints); hidden without scripts, where the title shows it.
  function initCopy(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var value = button.getAttribute("data-tb-copy");
      var done = function () {
        var original = button.textContent;
        button.textContent = button.getAttribute("data-tb-copied") || original;
        window.setTimeout(function () { button.textContent = original; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(done);
      } else {
        window.prompt("", value);
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-tabs]"), initTabs);
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-error-summary]"), initErrorSummary);
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-copy]"), initCopy);

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
