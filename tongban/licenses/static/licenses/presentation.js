/* 亮证: the countdown of the five-minute presentation code. The page works without it: the expiry time is printed
   and "刷新展示码" is a plain form. One timer updates every [data-tb-countdown] element, so a code that HTMX swaps in
   counts down too; when it reaches zero the QR is dimmed and the "expired" notice (role=status) is shown. */
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function tick() {
    var now = Date.now();
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-countdown]"), function (el) {
      var expires = Date.parse(el.getAttribute("data-tb-countdown"));
      if (isNaN(expires)) { return; }
      var left = Math.max(0, Math.round((expires - now) / 1000));
      var text = Math.floor(left / 60) + ":" + pad(left % 60);
      if (el.textContent !== text) { el.textContent = text; }
      var box = el.closest("[data-tb-presentation]");
      if (left === 0 && box && !box.hasAttribute("data-tb-expired")) {
        box.setAttribute("data-tb-expired", "");
        var notice = box.querySelector("[data-tb-expired-notice]");
        if (notice) { notice.hidden = false; }
      }
    });
  }

  tick();
  window.setInterval(tick, 1000);
})();
